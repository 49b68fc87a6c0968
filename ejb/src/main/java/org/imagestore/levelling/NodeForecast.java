package org.imagestore.levelling;

/**
 * One node before and after the plan.
 *
 * @param withinTolerance after the plan: for an active node, its used fraction is within the tolerance of the
 *                        mean; for a draining node, it holds nothing
 */
public record NodeForecast(String node, NodeState state, long capacityBytes, long usedBytesBefore,
                           long usedBytesAfter, boolean withinTolerance) {

    public double fractionBefore() {
        return (double) usedBytesBefore / capacityBytes;
    }

    public double fractionAfter() {
        return (double) usedBytesAfter / capacityBytes;
    }
}
