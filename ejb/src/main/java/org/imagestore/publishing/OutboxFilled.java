package org.imagestore.publishing;

/** A CDI event: an outbox row was written; once its transaction commits, the relay should run. */
public record OutboxFilled() {
}
