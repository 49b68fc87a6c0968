package org.imagestore.publishing;

import java.util.Locale;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.image.Image;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.upload.TreePath;
import org.imagestore.upload.Upload;
import org.imagestore.upload.UploadChanged;

/** Writes the message for every upload change into the outbox, in the change's own transaction. */
@Stateless
public class Outbox {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Event<OutboxFilled> filled;

    public void on(@Observes UploadChanged change) {
        Upload upload = change.upload();
        Image image = em.find(Image.class, upload.imageId().value());
        ImageMetadataMessage message = message(change, image);
        em.persist(new OutboxMessage(upload.id(), message.event(), change.sourceName(), message.format(),
                JSON.toJson(message)));
        filled.fire(new OutboxFilled());
    }

    static ImageMetadataMessage message(UploadChanged change, Image image) {
        Upload upload = change.upload();
        ImageFacts facts = image.facts();
        ImageMetadataMessage.Camera camera = facts.cameraMake().isEmpty() && facts.cameraModel().isEmpty() ? null
                : new ImageMetadataMessage.Camera(facts.cameraMake().orElse(null), facts.cameraModel().orElse(null));
        ImageMetadataMessage.Gps gps = facts.location()
                .map(g -> new ImageMetadataMessage.Gps(g.latitude(), g.longitude(), g.altitude().orElse(null)))
                .orElse(null);
        return new ImageMetadataMessage(upload.id(), change.kind().name().toLowerCase(Locale.ROOT),
                upload.imageId().value(), upload.imageId().urlPath(), change.sourceName(), upload.folder().value(),
                upload.name(), change.previousPath().map(TreePath::value).orElse(null), change.reason().orElse(null),
                upload.bytes(), facts.width(), facts.height(), facts.orientation(), facts.format().parameterName(),
                facts.captureTime().map(Object::toString).orElse(null), camera, gps, upload.receivedAt(),
                upload.receivedBy());
    }
}
