package org.imagestore.alerting;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.imagestore.image.ImageCatalogue;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.publishing.ImageMetadataMessage;
import org.imagestore.upload.UploadChanged;

/**
 * Matches every new upload against the enabled image rules, in the upload's own transaction: a firing commits
 * with the upload or not at all. With no rule enabled this costs a look at the replicated cluster state.
 * <p>
 * A CDI bean rather than an EJB, like {@link org.imagestore.publishing.Outbox}: it only joins the upload's
 * transaction, and an EJB observer cost every upload the container's invocation and authorisation layers.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IngestAlerts {

    @Inject
    private ImageCatalogue catalogue;
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
        ImageFacts facts = change.imageFacts(catalogue);
        Arrival arrival = new Arrival(change.sourceName(), change.upload().path().value(), change.upload().bytes(),
                facts);
        ImageMetadataMessage upload = null;
        for (ImageRule rule : rules) {
            if (rule.matches(arrival)) {
                upload = upload != null ? upload : ImageMetadataMessage.of(change, facts);
                firings.forUpload(rule, upload, "upload " + arrival.path() + " from " + arrival.source()
                        + " matched " + rule.criteria().describe());
            }
        }
    }
}
