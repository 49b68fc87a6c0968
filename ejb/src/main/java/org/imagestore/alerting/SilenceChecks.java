package org.imagestore.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Checks one silence rule at a time, in a transaction of its own that holds the rule's row ({@code SKIP LOCKED}:
 * every node checks, none twice at once). A rule fires once its sources have sent nothing for its period (counted
 * from when it was armed at the earliest), and is armed again by the next upload from them.
 */
@Stateless
public class SilenceChecks {

    private static final Logger LOG = Logger.getLogger(SilenceChecks.class.getName());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Firings firings;

    @SuppressWarnings("unchecked")
    public List<Long> enabledRules() {
        return ((List<Number>) em.createNativeQuery(
                "select id from alert_rule where kind = 'silence' and enabled").getResultList())
                .stream().map(Number::longValue).toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void check(long ruleId) {
        if (em.createNativeQuery("select id from alert_rule where id = ? and enabled for update skip locked")
                .setParameter(1, ruleId).getResultList().isEmpty()) {
            return; // another node is checking it, or it is gone
        }
        AlertRuleRecord rule = em.find(AlertRuleRecord.class, ruleId);
        RuleDefinition definition = rule.definition();
        // the newest upload of each matching source through the (source_id, received_at) index, and the
        // catalogue's clock for "now"
        Object[] times = (Object[]) em.createNativeQuery("select cast(extract(epoch from max(newest.received_at)) * 1000 as bigint),"
                        + " cast(extract(epoch from now()) * 1000 as bigint) from source s cross join lateral"
                        + " (select u.received_at from upload u where u.source_id = s.id order by u.received_at desc limit 1) newest"
                        + " where s.name like ? escape '\\'")
                .setParameter(1, Glob.of(definition.sources()).sqlLike()).getSingleResult();
        Instant lastUpload = times[0] == null ? null : Instant.ofEpochMilli(((Number) times[0]).longValue());
        Instant now = Instant.ofEpochMilli(((Number) times[1]).longValue());
        if (rule.silentSince().isPresent()) {
            // an upload newer than the newest one at the firing, whichever clock stamped it and whenever it committed
            if (lastUpload != null && rule.silentAfter().map(lastUpload::isAfter).orElse(true)) {
                rule.armed();
                LOG.info(() -> "alert rule " + rule.name() + ": uploads from " + definition.sources()
                        + " resumed at " + lastUpload + "; armed again");
            }
            return;
        }
        Instant since = lastUpload == null || lastUpload.isBefore(rule.armedAt()) ? rule.armedAt() : lastUpload;
        Duration silence = Duration.between(since, now);
        if (silence.compareTo(definition.silentFor()) >= 0) {
            rule.silent(now, lastUpload);
            String reason = "no upload from " + definition.sources() + " for " + seconds(silence) + " s (rule: "
                    + seconds(definition.silentFor()) + " s); "
                    + (lastUpload == null ? "none ever" : "the last one at " + lastUpload);
            firings.forSilence(rule, new AlertMessage.Silence(definition.sources(), definition.silentFor().toString(),
                    lastUpload), reason);
        }
    }

    private static long seconds(Duration duration) {
        return duration.toSeconds();
    }
}
