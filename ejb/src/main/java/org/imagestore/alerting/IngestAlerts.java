package org.imagestore.alerting;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.image.Image;
import org.imagestore.publishing.ImageMetadataMessage;
import org.imagestore.upload.UploadChanged;

/**
 * Matches every new upload against the enabled image rules, in the upload's own transaction: a firing commits
 * with the upload or not at all. With no rule enabled this costs a look at the replicated cluster state.
 */
@Stateless
public class IngestAlerts {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private ActiveRules active;
    @Inject
    private Firings firings;

    public void on(@Observes UploadChanged change) {
        if (change.kind() != UploadChanged.Kind.STORED) {
            return;
        }
        List<ImageRule> rules = active.imageRules();
        if (rules.isEmpty()) {
            return;
        }
        Image image = em.find(Image.class, change.upload().imageId().value());
        Arrival arrival = new Arrival(change.sourceName(), change.upload().path().value(), change.upload().bytes(),
                image.facts());
        ImageMetadataMessage upload = null;
        for (ImageRule rule : rules) {
            if (rule.matches(arrival)) {
                upload = upload != null ? upload : ImageMetadataMessage.of(change, image);
                firings.forUpload(rule, upload, "upload " + arrival.path() + " from " + arrival.source()
                        + " matched " + rule.criteria().describe());
            }
        }
    }
}
