package org.imagestore.alerting;

/** A CDI event: a rule fired in the current transaction; once it commits, the firing is counted and called out. */
public record AlertFired(RuleKind kind, boolean webhook) {
}
