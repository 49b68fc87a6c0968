package org.imagestore.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.imagestore.image.ImageCatalogue;
import org.imagestore.upload.Upload;
import org.imagestore.upload.UploadChanged;

/**
 * Writes messages into the outbox, in the transaction of what they tell: the metadata message of every upload
 * change, and alerts.
 * <p>
 * A CDI bean rather than an EJB, as it only ever joins its caller's transaction (an EJB call costs the container's
 * invocation and authorisation layers on every upload). Only EJBs of this module may call it: the container finds
 * its persistence unit through the calling component's module, which a web component's is not.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    private EntityManager em;
    @Inject
    private ImageCatalogue catalogue;
    @Inject
    private Event<OutboxFilled> filled;

    public void on(@Observes UploadChanged change) {
        Upload upload = change.upload();
        ImageMetadataMessage message = ImageMetadataMessage.of(change, change.imageFacts(catalogue));
        em.persist(new OutboxMessage(OutboxTopic.METADATA, upload.id(), message.event(), null, change.sourceName(),
                message.format(), JSON.toJson(message)));
        filled.fire(new OutboxFilled());
    }

    /**
     * An alert for {@link OutboxTopic#ALERTS}: a JSON body, with the rule's name, the source and the format (when
     * it is about an image) and the upload id (when about an upload) as properties for selectors.
     */
    public void alert(String rule, Long uploadId, String source, String format, String json) {
        em.persist(new OutboxMessage(OutboxTopic.ALERTS, uploadId, "alert", rule, source, format, json));
        filled.fire(new OutboxFilled());
    }
}
