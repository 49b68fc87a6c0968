package org.imagestore.levelling;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The last stage, for maps where the tolerance cannot be reached because groups are too coarse for some node's
 * band (a small node, a huge group): it moves a group only if that brings the pair of nodes involved closer to the
 * mean, i.e. lowers the larger of their two distances from it. Each such move lowers the cluster's sorted list of
 * distances, and each copy moves once, so it ends; it never touches a pair of level nodes.
 */
final class BestEffortLeveller {

    /** A rounding margin, far below any meaningful difference in used fraction. */
    private static final double EPSILON = 1e-12;

    private final WorkingMap map;
    private final Band band;

    private BestEffortLeveller(WorkingMap map, Band band) {
        this.map = map;
        this.band = band;
    }

    static void improve(WorkingMap map, Band band) {
        BestEffortLeveller leveller = new BestEffortLeveller(map, band);
        while (leveller.improveOnce()) {
            // each move consumes a copy that may move, so this ends
        }
    }

    private boolean improveOnce() {
        int[] outside = IntStream.range(0, map.nodeCount()).filter(n -> !map.isDraining(n) && !band.isLevel(n))
                .boxed().sorted(Comparator.comparingDouble((Integer n) -> -Math.abs(band.deviationWith(n, 0)))
                        .thenComparing(Comparator.naturalOrder()))
                .mapToInt(Integer::intValue).toArray();
        for (int node : outside) {
            Candidate best = bestMoveFor(node);
            if (best != null) {
                map.move(best.group.group(), best.source, best.sink);
                return true;
            }
        }
        return false;
    }

    private record Candidate(SizedGroup group, int source, int sink, double worstDeviation) {
    }

    private Candidate bestMoveFor(int node) {
        boolean above = band.deviationWith(node, 0) > 0;
        Candidate best = null;
        for (int other = 0; other < map.nodeCount(); other++) {
            if (other == node || map.isDraining(other)) {
                continue;
            }
            Candidate candidate = above ? bestBetween(node, other) : bestBetween(other, node);
            if (candidate != null && (best == null || candidate.worstDeviation < best.worstDeviation)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The move from source to sink that brings the worse of the two closest to the mean, if it improves. */
    private Candidate bestBetween(int source, int sink) {
        double now = worstDeviation(source, sink, 0);
        long ideal = idealBytes(source, sink);
        Candidate best = null;
        for (SizedGroup group : new SizedGroup[] {largestEligibleAtMost(source, sink, ideal),
                                                   smallestEligibleAbove(source, sink, ideal)}) {
            if (group != null) {
                double after = worstDeviation(source, sink, group.bytes());
                if (after < now - EPSILON && (best == null || after < best.worstDeviation)) {
                    best = new Candidate(group, source, sink, after);
                }
            }
        }
        return best;
    }

    private double worstDeviation(int source, int sink, long bytes) {
        return Math.max(Math.abs(band.deviationWith(source, -bytes)), Math.abs(band.deviationWith(sink, bytes)));
    }

    /**
     * The bytes that, moved from source to sink, minimise the larger of their two distances from the mean.
     * That distance is convex in the bytes moved, so its minimum is at zero or where the two distances are equal,
     * whether on the same side of the mean or on opposite sides; the best group is then the nearest on either side.
     */
    private long idealBytes(int source, int sink) {
        double perByteSource = 1.0 / map.capacity(source);
        double perByteSink = 1.0 / map.capacity(sink);
        double devSource = band.deviationWith(source, 0);
        double devSink = band.deviationWith(sink, 0);
        double[] candidates = {
            0,
            (devSource - devSink) / (perByteSource + perByteSink),
            (devSource + devSink) / (perByteSource - perByteSink),
        };
        long best = 0;
        double bestValue = Double.MAX_VALUE;
        for (double candidate : candidates) {
            if (Double.isFinite(candidate) && candidate >= 0) {
                long bytes = (long) Math.min(candidate, map.used(source));
                double value = worstDeviation(source, sink, bytes);
                if (value < bestValue) {
                    bestValue = value;
                    best = bytes;
                }
            }
        }
        return best;
    }

    private SizedGroup largestEligibleAtMost(int source, int sink, long max) {
        if (max < 1) {
            return null;
        }
        for (SizedGroup candidate : map.movableGroups(source)
                .subSet(SizedGroup.below(1), true, SizedGroup.above(max), true).descendingSet()) {
            if (map.mayReceive(sink, candidate.group())) {
                return candidate;
            }
        }
        return null;
    }

    private SizedGroup smallestEligibleAbove(int source, int sink, long min) {
        for (SizedGroup candidate : map.movableGroups(source).tailSet(SizedGroup.above(min), false)) {
            if (map.mayReceive(sink, candidate.group())) {
                return candidate;
            }
        }
        return null;
    }
}
