package org.imagestore.cluster;

import java.time.Instant;

/** A node as the catalogue knows it. */
public record NodeRecord(String name, String address, String internalUrl, String state, long capacityBytes,
                         long usedBytes, Instant stateSince, Instant seenAt) {

    public static final String UP = "up";
    public static final String DOWN = "down";
    public static final String DRAINING = "draining";

    public boolean up() {
        return !state.equals(DOWN);
    }

    public double usedFraction() {
        return capacityBytes == 0 ? 0 : (double) usedBytes / capacityBytes;
    }
}
