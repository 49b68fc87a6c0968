package org.imagestore.levelling;

/** Replace one holder of a group by another: copy the group to {@code to}, then delete it from {@code from}. */
public record Move(String group, String from, String to, long bytes) {
}
