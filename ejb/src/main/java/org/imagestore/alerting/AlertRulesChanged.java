package org.imagestore.alerting;

/** A CDI event: a transaction created, changed or deleted alert rules; once it commits, every node reloads them. */
public record AlertRulesChanged() {
}
