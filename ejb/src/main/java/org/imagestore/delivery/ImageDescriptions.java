package org.imagestore.delivery;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.image.Image;
import org.imagestore.image.ImageCatalogue;
import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.placement.Placements;
import org.imagestore.support.SqlValues;

/** Builds an image's description: its facts, every upload of it and every copy. */
@Stateless
public class ImageDescriptions {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private ImageCatalogue images;
    @Inject
    private Placements placements;

    public ImageDescription describe(ImageId id) {
        Image image = images.find(id).orElseThrow(() -> new UnknownImageException(id));
        ImageFacts facts = image.facts();
        List<?> rows = em.createNativeQuery("""
                        select u.id, s.name, u.folder, u.name, u.received_at, u.received_by, u.removed_at is null
                        from upload u join source s on s.id = u.source_id
                        where u.image_id = ? order by u.received_at, u.id""")
                .setParameter(1, id.value()).getResultList();
        List<ImageDescription.UploadEntry> uploads = rows.stream().map(r -> (Object[]) r)
                .map(r -> new ImageDescription.UploadEntry(SqlValues.longValue(r[0]), (String) r[1],
                        join((String) r[2], (String) r[3]), SqlValues.instant(r[4]), (String) r[5], (Boolean) r[6]))
                .toList();
        List<ImageDescription.Replica> replicas = placements.of(id).stream()
                .map(p -> new ImageDescription.Replica(p.node(), p.volume(), p.storedAt())).toList();
        return new ImageDescription(id.value(), id.urlPath(), image.bytes(), facts.format().parameterName(),
                facts.format().mediaType(), facts.width(), facts.height(), facts.orientation(),
                facts.captureTime().map(Object::toString).orElse(null),
                facts.cameraMake().isEmpty() && facts.cameraModel().isEmpty() ? null
                        : new ImageDescription.Camera(facts.cameraMake().orElse(null), facts.cameraModel().orElse(null)),
                facts.location().map(g -> new ImageDescription.Gps(g.latitude(), g.longitude(), g.altitude().orElse(null)))
                        .orElse(null),
                image.createdAt(), uploads, replicas);
    }

    private static String join(String folder, String name) {
        return folder.equals("/") ? "/" + name : folder + "/" + name;
    }

}
