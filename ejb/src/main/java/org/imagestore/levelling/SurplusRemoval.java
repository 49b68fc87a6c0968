package org.imagestore.levelling;

/** A group held by more nodes than the replication factor drops its copy on {@code from}: nothing is copied. */
public record SurplusRemoval(String group, String from, long bytes) {
}
