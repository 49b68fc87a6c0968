package org.imagestore.alerting;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** How long a claimed call is left to the node that claimed it: well over a call's timeout. */
    static final Duration CLAIM = Duration.ofSeconds(60);

    /** A call to make: the attempt's number, where, what, and the key to sign it with. */
    public record Due(long firingId, int attempt, String url, String secret, String payload) {
    }

    @PersistenceContext
    private EntityManager em;

    /** The call due longest, claimed for {@link #CLAIM} (by the catalogue's clock), if any is due. */
    public Optional<Due> claim() {
        List<?> rows = em.createNativeQuery("select d.firing_id, d.attempts + 1, d.url, r.webhook_secret, f.payload"
                        + " from webhook_delivery d join alert_firing f on f.id = d.firing_id"
                        + " join alert_rule r on r.id = f.rule_id"
                        + " where d.next_attempt_at <= now() order by d.next_attempt_at limit 1 for update of d skip locked")
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] c = (Object[]) rows.getFirst();
        Due due = new Due(((Number) c[0]).longValue(), ((Number) c[1]).intValue(), (String) c[2], (String) c[3],
                (String) c[4]);
        em.createNativeQuery("update webhook_delivery set attempts = ?, next_attempt_at = now() + interval '"
                        + CLAIM.toSeconds() + " seconds' where firing_id = ?")
                .setParameter(1, due.attempt()).setParameter(2, due.firingId()).executeUpdate();
        return Optional.of(due);
    }

    // each outcome applies only to the attempt it is about: a claim that ran out was taken over by a later attempt

    public void delivered(Due call) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = null, delivered_at = now(), last_error = null"
                + " where firing_id = ? and attempts = ?").setParameter(1, call.firingId())
                .setParameter(2, call.attempt()).executeUpdate();
    }

    public void failed(Due call, String error, Duration retryIn) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = now() + interval '" + retryIn.toSeconds()
                        + " seconds', last_error = ? where firing_id = ? and attempts = ?")
                .setParameter(1, error).setParameter(2, call.firingId()).setParameter(3, call.attempt()).executeUpdate();
    }

    public void givenUp(Due call, String error) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = null, last_error = ? where firing_id = ?"
                        + " and attempts = ?")
                .setParameter(1, error).setParameter(2, call.firingId()).setParameter(3, call.attempt()).executeUpdate();
    }
}
