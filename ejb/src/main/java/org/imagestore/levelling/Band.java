package org.imagestore.levelling;

/**
 * The tolerance band around the cluster mean, in bytes per node, and how far each node is from it.
 * <p>
 * The mean is that of the map the plan ends with: every group's bytes times the replicas per group, over the
 * capacity of the active nodes (draining nodes end empty, so their capacity does not count). An active node is
 * level when its used bytes lie in [{@link #floor}, {@link #ceiling}]; a draining node when it holds nothing.
 */
final class Band {

    final double mean;
    final double tolerance;
    private final WorkingMap map;
    private final long[] floor;
    private final long[] ceiling;

    Band(WorkingMap map, double tolerance) {
        this.map = map;
        this.tolerance = tolerance;
        long stored = 0;
        for (int g = 0; g < map.groupCount(); g++) {
            stored += map.bytes(g) * map.replicas;
        }
        long activeCapacity = 0;
        for (int i = 0; i < map.nodeCount(); i++) {
            activeCapacity += map.isDraining(i) ? 0 : map.capacity(i);
        }
        mean = (double) stored / activeCapacity;
        floor = new long[map.nodeCount()];
        ceiling = new long[map.nodeCount()];
        for (int i = 0; i < map.nodeCount(); i++) {
            if (!map.isDraining(i)) {
                floor[i] = (long) Math.ceil(Math.max(0, mean - tolerance) * map.capacity(i));
                ceiling[i] = (long) Math.floor((mean + tolerance) * map.capacity(i));
            }
        }
    }

    /** Bytes the node has to lose to be level: above the ceiling, or everything on a draining node. */
    long mustShed(int node) {
        return Math.max(0, map.used(node) - ceiling[node]);
    }

    /** Bytes the node has to gain to be level. */
    long mustReceive(int node) {
        return map.isDraining(node) ? 0 : Math.max(0, floor[node] - map.used(node));
    }

    /** Bytes the node can lose without falling below the floor. */
    long spare(int node) {
        return Math.max(0, map.used(node) - floor[node]);
    }

    /** Bytes the node can gain without rising above the ceiling; none for a draining node. */
    long room(int node) {
        return map.isDraining(node) ? 0 : Math.max(0, ceiling[node] - map.used(node));
    }

    boolean isLevel(int node) {
        return mustShed(node) == 0 && mustReceive(node) == 0;
    }

    boolean allLevel() {
        for (int i = 0; i < map.nodeCount(); i++) {
            if (!isLevel(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How far the node's fraction would be from the mean with {@code delta} more bytes. A draining node's target
     * is zero, not the mean.
     */
    double deviationWith(int node, long delta) {
        if (map.isDraining(node)) {
            return map.fractionWith(node, delta);
        }
        return map.fractionWith(node, delta) - mean;
    }
}
