package org.imagestore.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An alert rule's row: its definition, with the criteria as JSON, and a silence rule's state. */
@Entity
@Table(name = "alert_rule")
public class AlertRuleRecord {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** A silence rule's criteria as stored. */
    public record SilenceCriteria(String sources) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String kind;
    private String criteria;
    @Column(name = "silence_seconds")
    private Long silenceSeconds;
    @Column(name = "webhook_url")
    private String webhookUrl;
    @Column(name = "webhook_secret")
    private String webhookSecret;
    private boolean enabled;
    @Column(name = "armed_at")
    private Instant armedAt;
    @Column(name = "silent_since")
    private Instant silentSince;
    @Column(name = "silent_after")
    private Instant silentAfter;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AlertRuleRecord() {
    }

    AlertRuleRecord(String name, RuleDefinition definition) {
        this.name = name;
        this.createdAt = Instant.now();
        define(definition);
    }

    /** Takes a new definition; a silence counts afresh from now. */
    void define(RuleDefinition definition) {
        this.kind = definition.kind().value();
        this.criteria = definition.kind() == RuleKind.IMAGE ? JSON.toJson(definition.match())
                : JSON.toJson(new SilenceCriteria(definition.sources()));
        this.silenceSeconds = definition.silentFor() == null ? null : definition.silentFor().toSeconds();
        this.webhookUrl = definition.webhook().map(Webhook::url).orElse(null);
        this.webhookSecret = definition.webhook().map(Webhook::secret).orElse(null);
        this.enabled = definition.enabled();
        this.armedAt = Instant.now();
        this.silentSince = null;
        this.silentAfter = null;
        this.updatedAt = armedAt;
    }

    public RuleDefinition definition() {
        RuleKind ruleKind = RuleKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        Optional<Webhook> webhook = Optional.ofNullable(webhookUrl).map(url -> new Webhook(url, webhookSecret));
        return ruleKind == RuleKind.IMAGE
                ? new RuleDefinition(ruleKind, JSON.fromJson(criteria, ImageCriteria.class), null, null, webhook, enabled)
                : new RuleDefinition(ruleKind, null, JSON.fromJson(criteria, SilenceCriteria.class).sources(),
                        Duration.ofSeconds(silenceSeconds), webhook, enabled);
    }

    /** Fired for a silence at {@code since}; the newest upload then was {@code lastUpload} (null: none ever). */
    void silent(Instant since, Instant lastUpload) {
        this.silentSince = since;
        this.silentAfter = lastUpload;
    }

    /** Uploads resumed: the next silence counts from the newest of them. */
    void armed() {
        this.silentSince = null;
        this.silentAfter = null;
    }

    /** For a silence rule that fired: the newest upload at the time, if there was any. */
    Optional<Instant> silentAfter() {
        return Optional.ofNullable(silentAfter);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant armedAt() {
        return armedAt;
    }

    public Optional<Instant> silentSince() {
        return Optional.ofNullable(silentSince);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
