package org.imagestore.source;

/** A CDI event: a transaction created a source or changed one's password or state; once it commits, every node forgets what it knew. */
public record SourcesChanged() {
}
