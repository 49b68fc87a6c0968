package org.imagestore.alerting;

import java.time.Duration;
import java.util.Optional;

/**
 * What a rule is, as an administrator gives it.
 *
 * @param kind      what makes it fire
 * @param match     for image rules: the criteria an upload must meet
 * @param sources   for silence rules: the source name, or a pattern naming a group of sources
 * @param silentFor for silence rules: how long they must stay silent
 * @param webhook   where firings are also POSTed, if anywhere
 * @param enabled   whether it fires at all
 */
public record RuleDefinition(RuleKind kind, ImageCriteria match, String sources, Duration silentFor,
                             Optional<Webhook> webhook, boolean enabled) {
}
