package org.imagestore.alerting;

import java.time.Instant;
import java.util.Optional;

/**
 * A firing as the API lists it.
 *
 * @param webhook the state of its webhook call, when the rule has a webhook
 */
public record Firing(long id, String rule, String kind, Instant firedAt, String reason, Optional<String> imageId,
                     Optional<Long> uploadId, Optional<WebhookState> webhook) {

    /**
     * @param attempts      calls made so far
     * @param deliveredAt   when the receiver took it
     * @param nextAttemptAt when it is tried again; absent once delivered or given up
     * @param lastError     what the last failed call met
     */
    public record WebhookState(int attempts, Optional<Instant> deliveredAt, Optional<Instant> nextAttemptAt,
                               Optional<String> lastError) {
    }
}
