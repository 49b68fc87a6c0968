package org.imagestore.levelling;

/** A group that has fewer copies than it should gets a new one on {@code to}, copied from any surviving holder. */
public record Rereplication(String group, String to, long bytes) {
}
