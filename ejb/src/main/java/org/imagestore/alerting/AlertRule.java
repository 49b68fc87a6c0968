package org.imagestore.alerting;

import java.time.Instant;
import java.util.Optional;

/**
 * A rule as stored, with when it last fired.
 *
 * @param silentSince for a silence rule that fired: since when, until uploads resume
 */
public record AlertRule(String name, RuleDefinition definition, Instant createdAt, Instant updatedAt,
                        Optional<Instant> silentSince, long firings, Optional<Instant> lastFiredAt) {
}
