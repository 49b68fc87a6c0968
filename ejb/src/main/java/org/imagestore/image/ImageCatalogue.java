package org.imagestore.image;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.imaging.ImageFacts;

/** The images the store holds. */
@Stateless
public class ImageCatalogue {

    @PersistenceContext
    private EntityManager em;

    public Optional<Image> find(ImageId id) {
        return Optional.ofNullable(em.find(Image.class, id.value()));
    }

    /**
     * Records an image unless it is known already. Two cameras may send the same bytes at the same moment:
     * the insert tolerates the race instead of failing one of them.
     *
     * @return whether the image is new (a new image has no placements yet)
     */
    public boolean registerIfAbsent(ImageId id, long bytes, ImageFacts facts) {
        return em.createNativeQuery("""
                        insert into image (id, bytes, format, width, height, orientation, captured_at, captured_offset,
                                           camera_make, camera_model, gps_latitude, gps_longitude, gps_altitude)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""")
                .setParameter(1, id.value())
                .setParameter(2, bytes)
                .setParameter(3, facts.format().parameterName())
                .setParameter(4, facts.width())
                .setParameter(5, facts.height())
                .setParameter(6, (short) facts.orientation())
                .setParameter(7, facts.captureTime().map(t -> t.local()).orElse(null))
                .setParameter(8, facts.captureTime().flatMap(t -> t.offset()).map(Object::toString).orElse(null))
                .setParameter(9, facts.cameraMake().map(s -> truncate(s, 128)).orElse(null))
                .setParameter(10, facts.cameraModel().map(s -> truncate(s, 128)).orElse(null))
                .setParameter(11, facts.location().map(g -> g.latitude()).orElse(null))
                .setParameter(12, facts.location().map(g -> g.longitude()).orElse(null))
                .setParameter(13, facts.location().flatMap(g -> g.altitude()).orElse(null))
                .executeUpdate() == 1;
    }

    /** Purges the image's catalogue rows (uploads and placements go with it). */
    public boolean remove(ImageId id) {
        return em.createNativeQuery("delete from image where id = ?").setParameter(1, id.value()).executeUpdate() > 0;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
