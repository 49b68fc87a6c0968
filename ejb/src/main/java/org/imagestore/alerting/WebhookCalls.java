package org.imagestore.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The webhook calls that are due, claimed for a while so that no other node makes them meanwhile, and what came
 * of each. A claim that is never settled (the node died while calling) falls due again when it runs out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookCalls {

    /** How long a claimed call is left to the node that claimed it. */
    static final Duration CLAIM = Duration.ofSeconds(60);

    /** A call to make: the attempt's number, where, what, and the key to sign it with. */
    public record Due(long firingId, int attempt, String url, String secret, String payload) {
    }

    @PersistenceContext
    private EntityManager em;

    public List<Due> claim(int max) {
        List<?> rows = em.createNativeQuery("select d.firing_id, d.attempts + 1, d.url, r.webhook_secret, f.payload"
                        + " from webhook_delivery d join alert_firing f on f.id = d.firing_id"
                        + " join alert_rule r on r.id = f.rule_id"
                        + " where d.next_attempt_at <= now() order by d.next_attempt_at limit ? for update of d skip locked")
                .setParameter(1, max).getResultList();
        List<Due> due = rows.stream().map(row -> (Object[]) row).map(c -> new Due(((Number) c[0]).longValue(),
                ((Number) c[1]).intValue(), (String) c[2], (String) c[3], (String) c[4])).toList();
        for (Due call : due) {
            em.createNativeQuery("update webhook_delivery set attempts = ?, next_attempt_at = ? where firing_id = ?")
                    .setParameter(1, call.attempt()).setParameter(2, Instant.now().plus(CLAIM))
                    .setParameter(3, call.firingId()).executeUpdate();
        }
        return due;
    }

    public void delivered(long firingId) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = null, delivered_at = now(), last_error = null"
                + " where firing_id = ?").setParameter(1, firingId).executeUpdate();
    }

    public void failed(long firingId, String error, Instant retryAt) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = ?, last_error = ? where firing_id = ?")
                .setParameter(1, retryAt).setParameter(2, error).setParameter(3, firingId).executeUpdate();
    }

    public void givenUp(long firingId, String error) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = null, last_error = ? where firing_id = ?")
                .setParameter(1, error).setParameter(2, firingId).executeUpdate();
    }
}
