package org.imagestore.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.publishing.ImageMetadataMessage;
import org.imagestore.publishing.Outbox;
import org.imagestore.support.SqlValues;

/**
 * Records firings, in the transaction of what caused them: the firing row, its alert message in the outbox and,
 * when the rule has a webhook, the call to make. So an alert is told exactly when its cause is committed.
 */
@Stateless
public class Firings {

    private static final Logger LOG = Logger.getLogger(Firings.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Outbox outbox;
    @Inject
    private Event<AlertFired> fired;

    /** An image rule matched an upload; nothing happens if the rule was deleted or disabled meanwhile. */
    public void forUpload(ImageRule rule, ImageMetadataMessage upload, String reason) {
        // a key-share lock on the rule: it cannot be deleted under this firing (which is skipped if it was), while
        // an administrator can still change or disable it during the upload's replication
        List<?> rows = em.createNativeQuery("select webhook_url from alert_rule where id = ? and enabled for key share")
                .setParameter(1, rule.id()).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        record(rule.id(), rule.name(), RuleKind.IMAGE, (String) rows.getFirst(), upload, null, reason);
        LOG.info(() -> "alert rule " + rule.name() + " fired for image " + upload.imageId() + " (upload "
                + upload.uploadId() + ", " + upload.source() + " " + upload.ftpPath() + "/" + upload.fileName() + ")");
    }

    /** A silence rule's sources fell silent; the caller holds the rule's row. */
    public void forSilence(AlertRuleRecord rule, AlertMessage.Silence silence, String reason) {
        record(rule.id(), rule.name(), RuleKind.SILENCE, rule.definition().webhook().map(Webhook::url).orElse(null),
                null, silence, reason);
        LOG.warning(() -> "alert rule " + rule.name() + " fired: " + reason);
    }

    private void record(long ruleId, String ruleName, RuleKind kind, String webhookUrl, ImageMetadataMessage upload,
                        AlertMessage.Silence silence, String reason) {
        Instant now = Instant.now();
        AlertFiring firing = new AlertFiring(ruleId, upload == null ? null : upload.imageId(),
                upload == null ? null : upload.uploadId(), reason, now);
        em.persist(firing);
        String json = JSON.toJson(new AlertMessage("alert", firing.id(), ruleName, kind.value(), now, reason, upload,
                silence));
        firing.told(json);
        outbox.alert(ruleName, upload == null ? null : upload.uploadId(), upload == null ? null : upload.source(),
                upload == null ? null : upload.format(), json);
        if (webhookUrl != null) {
            em.persist(new WebhookDelivery(firing.id(), webhookUrl));
        }
        fired.fire(new AlertFired(kind, webhookUrl != null));
    }

    /** The newest firings, of one rule or of all. */
    public List<Firing> recent(Optional<String> rule, int limit) {
        String sql = "select f.id, r.name, r.kind, f.fired_at, f.reason, f.image_id, f.upload_id, d.attempts,"
                + " d.delivered_at, d.next_attempt_at, d.last_error from alert_firing f"
                + " join alert_rule r on r.id = f.rule_id left join webhook_delivery d on d.firing_id = f.id"
                + (rule.isPresent() ? " where r.name = ?2" : "") + " order by f.fired_at desc, f.id desc limit ?1";
        var query = em.createNativeQuery(sql).setParameter(1, limit);
        rule.ifPresent(name -> query.setParameter(2, name));
        return query.getResultStream().map(row -> firing((Object[]) row)).toList();
    }

    private static Firing firing(Object[] c) {
        Optional<Firing.WebhookState> webhook = c[7] == null ? Optional.empty()
                : Optional.of(new Firing.WebhookState(((Number) c[7]).intValue(),
                        Optional.ofNullable(c[8]).map(SqlValues::instant),
                        Optional.ofNullable(c[9]).map(SqlValues::instant), Optional.ofNullable((String) c[10])));
        return new Firing(((Number) c[0]).longValue(), (String) c[1], (String) c[2], SqlValues.instant(c[3]),
                (String) c[4], Optional.ofNullable((String) c[5]),
                Optional.ofNullable(c[6]).map(id -> ((Number) id).longValue()), webhook);
    }
}
