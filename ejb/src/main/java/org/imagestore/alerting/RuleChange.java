package org.imagestore.alerting;

import java.time.Duration;
import java.util.Optional;

/**
 * A change to a rule: each part given replaces that part, absent ones stay.
 *
 * @param webhook        a new webhook
 * @param dropWebhook    whether to remove the webhook
 */
public record RuleChange(ImageCriteria match, String sources, Duration silentFor, Webhook webhook,
                         boolean dropWebhook, Boolean enabled) {

    RuleDefinition applyTo(RuleDefinition old) {
        Optional<Webhook> hook = dropWebhook ? Optional.empty() : webhook != null ? Optional.of(webhook) : old.webhook();
        return new RuleDefinition(old.kind(), match != null ? match : old.match(),
                sources != null ? sources : old.sources(), silentFor != null ? silentFor : old.silentFor(), hook,
                enabled != null ? enabled : old.enabled());
    }
}
