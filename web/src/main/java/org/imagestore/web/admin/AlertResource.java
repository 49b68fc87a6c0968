package org.imagestore.web.admin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.imagestore.alerting.AlertRule;
import org.imagestore.alerting.AlertRules;
import org.imagestore.alerting.Firing;
import org.imagestore.alerting.Firings;
import org.imagestore.alerting.ImageCriteria;
import org.imagestore.alerting.RuleChange;
import org.imagestore.alerting.RuleDefinition;
import org.imagestore.alerting.RuleKind;
import org.imagestore.alerting.Webhook;
import org.imagestore.support.InvalidParameterException;

/**
 * Alert rules and their firings: {@code GET/POST /admin/alerts/rules}, {@code GET/PUT/DELETE
 * /admin/alerts/rules/{name}}, {@code GET /admin/alerts/firings?rule=&limit=}.
 */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("admin/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {

    private static final int MOST_FIRINGS = 500;

    /**
     * A new rule: {@code {"name": "door-at-night", "match": {"source": "door-*", "capturedBetween": {"from":
     * "22:00", "to": "06:00"}}, "webhook": {"url": "https://..."}}} or {@code {"name": "yard-quiet", "kind":
     * "silence", "sources": "yard-*", "silentFor": "PT30M"}}.
     */
    public record NewRule(String name, String kind, ImageCriteria match, String sources, String silentFor,
                          WebhookSetting webhook, Boolean enabled) {
    }

    /** A change: any of the parts of a new rule but its name and kind; {@code "webhook": {}} removes the webhook. */
    public record RuleUpdate(ImageCriteria match, String sources, String silentFor, WebhookSetting webhook,
                             Boolean enabled) {
    }

    /** A webhook: its URL and, optionally, the signing secret (generated when absent). */
    public record WebhookSetting(String url, String secret) {
    }

    /** A rule as the API shows it; the webhook's secret only in the answer to the request that set it. */
    public record RuleView(String name, String kind, ImageCriteria match, String sources, String silentFor,
                           WebhookSetting webhook, boolean enabled, Instant createdAt, Instant updatedAt,
                           Instant silentSince, long firings, Instant lastFiredAt) {
        static RuleView of(AlertRule rule, boolean withSecret) {
            RuleDefinition d = rule.definition();
            WebhookSetting webhook = d.webhook().map(h -> new WebhookSetting(h.url(), withSecret ? h.secret() : null))
                    .orElse(null);
            return new RuleView(rule.name(), d.kind().value(), d.match(), d.sources(),
                    d.silentFor() == null ? null : d.silentFor().toString(), webhook, d.enabled(), rule.createdAt(),
                    rule.updatedAt(), rule.silentSince().orElse(null), rule.firings(), rule.lastFiredAt().orElse(null));
        }
    }

    /** A firing as the API shows it. */
    public record FiringView(long id, String rule, String kind, Instant firedAt, String reason, String imageId,
                             String url, Long uploadId, WebhookCall webhook) {
        static FiringView of(Firing f) {
            return new FiringView(f.id(), f.rule(), f.kind(), f.firedAt(), f.reason(), f.imageId().orElse(null),
                    f.imageId().map(id -> "/images/" + id).orElse(null), f.uploadId().orElse(null),
                    f.webhook().map(w -> new WebhookCall(w.attempts(), w.deliveredAt().orElse(null),
                            w.nextAttemptAt().orElse(null), w.lastError().orElse(null))).orElse(null));
        }
    }

    /** The state of a firing's webhook call. */
    public record WebhookCall(int attempts, Instant deliveredAt, Instant nextAttemptAt, String lastError) {
    }

    @Inject
    private AlertRules rules;
    @Inject
    private Firings firings;

    @GET
    @Path("rules")
    public List<RuleView> list() {
        return rules.list().stream().map(rule -> RuleView.of(rule, false)).toList();
    }

    @GET
    @Path("rules/{name}")
    public RuleView get(@PathParam("name") String name) {
        return RuleView.of(rules.find(name), false);
    }

    @POST
    @Path("rules")
    public Response create(NewRule request) {
        if (request == null) {
            throw new InvalidParameterException("body", "expected {\"name\": ..., \"match\": {...}} or {\"name\": ...,"
                    + " \"kind\": \"silence\", \"sources\": ..., \"silentFor\": \"PT30M\"}");
        }
        RuleDefinition definition = new RuleDefinition(kind(request.kind()), request.match(), request.sources(),
                duration(request.silentFor()), Optional.ofNullable(request.webhook()).map(AlertResource::webhook),
                request.enabled() == null || request.enabled());
        AlertRule rule = rules.create(request.name(), definition);
        return Response.created(URI.create("/admin/alerts/rules/" + rule.name())).entity(RuleView.of(rule, true)).build();
    }

    @PUT
    @Path("rules/{name}")
    public RuleView change(@PathParam("name") String name, RuleUpdate request) {
        if (request == null) {
            throw new InvalidParameterException("body", "expected any of match, sources, silentFor, webhook, enabled");
        }
        boolean dropWebhook = request.webhook() != null && request.webhook().url() == null;
        RuleChange change = new RuleChange(request.match(), request.sources(), duration(request.silentFor()),
                request.webhook() == null || dropWebhook ? null : webhook(request.webhook()), dropWebhook,
                request.enabled());
        return RuleView.of(rules.change(name, change), request.webhook() != null);
    }

    @DELETE
    @Path("rules/{name}")
    public Response delete(@PathParam("name") String name) {
        rules.delete(name);
        return Response.noContent().build();
    }

    @GET
    @Path("firings")
    public List<FiringView> firings(@QueryParam("rule") String rule, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MOST_FIRINGS) {
            throw new InvalidParameterException("limit", "1 to " + MOST_FIRINGS);
        }
        return firings.recent(Optional.ofNullable(rule), limit).stream().map(FiringView::of).toList();
    }

    private static RuleKind kind(String kind) {
        if (kind == null) {
            return RuleKind.IMAGE;
        }
        try {
            return RuleKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("kind", "image or silence, not " + kind);
        }
    }

    private static Duration duration(String value) {
        try {
            return value == null ? null : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("silentFor", "an ISO-8601 duration such as PT30M, not " + value);
        }
    }

    private static Webhook webhook(WebhookSetting setting) {
        return new Webhook(setting.url(), setting.secret());
    }
}
