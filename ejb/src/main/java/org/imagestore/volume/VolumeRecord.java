package org.imagestore.volume;

/** A node's volume as the node last reported it, and whether it is being emptied. */
public record VolumeRecord(String node, String volume, String path, long capacityBytes, long usedBytes,
                           boolean draining) {

    public double usedFraction() {
        return capacityBytes == 0 ? 1.0 : (double) usedBytes / capacityBytes;
    }
}
