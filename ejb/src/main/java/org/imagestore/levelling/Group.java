package org.imagestore.levelling;

import java.util.List;
import java.util.Objects;

/**
 * A group as it is today.
 *
 * @param bytes   the bytes of one copy of the group (every holder stores a full copy)
 * @param holders the nodes holding a copy now; may name nodes that are gone (their copies count as lost) and may
 *                be fewer or more than the replication factor
 */
public record Group(String name, long bytes, List<String> holders) {

    public Group {
        Objects.requireNonNull(name, "name");
        holders = List.copyOf(holders);
        if (bytes < 0) {
            throw new IllegalArgumentException("group " + name + ": bytes must not be negative, was " + bytes);
        }
    }

    public Group(String name, long bytes, String... holders) {
        this(name, bytes, List.of(holders));
    }
}
