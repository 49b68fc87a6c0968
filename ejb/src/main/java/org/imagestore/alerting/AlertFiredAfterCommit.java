package org.imagestore.alerting;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.imagestore.ops.Metrics;

/** Once a firing has committed: it is counted, and its webhook called without waiting for the next round. */
@ApplicationScoped
public class AlertFiredAfterCommit {

    @Inject
    private Metrics metrics;
    @EJB
    private WebhookSender webhooks;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertFired fired) {
        metrics.alertFired(fired.kind().value());
        if (fired.webhook()) {
            webhooks.sendSoon();
        }
    }
}
