package org.imagestore.levelling;

import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The main stage: greedy moves from the nodes that must shed to the nodes that must receive, until every node is
 * within the band or no move helps.
 * <p>
 * Why greedy, not flow: Swift and Garage level partitions by count (every partition is assumed the same size), so
 * Garage can solve it exactly as a max-flow followed by a min-cost flow. Our groups differ in size by orders of
 * magnitude, which makes the exact problem a bin-packing one. But the cost has a simple lower bound
 * ({@link LowerBound}) and a greedy that only ever moves bytes that reduce what some node must shed or receive
 * comes within about a group's size of it per node; the property tests measure how close.
 * <p>
 * Each step takes the most overfull node by fraction (draining nodes first) as the source and the most underfull
 * as the sink. When only one side is out of the band, the other side is a level node with spare bytes or room, so
 * the moves still go from the fuller to the emptier, and two level nodes never exchange anything. The group moved
 * is the largest that fits the waste-free gap ({@link #wasteFree}) without pushing either node out of the band;
 * when no group fits, or a slightly larger one would close the gap in one move where filling it would take two,
 * the smallest group that closes it. Taking the largest that fits also keeps the number of moves low.
 */
final class ToleranceLeveller {

    private final WorkingMap map;
    private final Band band;
    /** Nodes that must shed first (draining ones first of all), then the fullest by fraction. */
    private final Comparator<Integer> sourceOrder;
    /** Nodes that must receive first, then the emptiest by fraction. */
    private final Comparator<Integer> sinkOrder;
    /** What all nodes must shed, and receive, to be level: as of the move being chosen. */
    private long toShed;
    private long toReceive;

    private ToleranceLeveller(WorkingMap map, Band band) {
        this.map = map;
        this.band = band;
        sourceOrder = Comparator.comparing((Integer n) -> band.mustShed(n) == 0)
                .thenComparing(n -> !map.isDraining(n))
                .thenComparingDouble(n -> -map.fraction(n))
                .thenComparing(Comparator.naturalOrder());
        sinkOrder = Comparator.comparing((Integer n) -> band.mustReceive(n) == 0)
                .thenComparingDouble(map::fraction)
                .thenComparing(Comparator.naturalOrder());
    }

    static void level(WorkingMap map, Band band) {
        ToleranceLeveller leveller = new ToleranceLeveller(map, band);
        while (leveller.moveOne()) {
            // each move consumes a copy that may move, so this ends
        }
    }

    private boolean moveOne() {
        toShed = 0;
        toReceive = 0;
        for (int node = 0; node < map.nodeCount(); node++) {
            toShed += band.mustShed(node);
            toReceive += band.mustReceive(node);
        }
        boolean shedding = toShed > 0;
        boolean receiving = toReceive > 0;
        if (!shedding && !receiving) {
            return false;
        }
        // a level node gives only to a node that must receive, and takes only from one that must shed
        IntPredicate source = n -> band.mustShed(n) > 0 || (receiving && band.spare(n) > 0);
        IntPredicate sink = n -> band.mustReceive(n) > 0 || (shedding && band.room(n) > 0);
        // the best pair almost always has a group to exchange: find it in linear time, sort only when it has not
        if (tryMove(first(source, sourceOrder), first(sink, sinkOrder))) {
            return true;
        }
        List<Integer> sinks = sorted(sink, sinkOrder);
        for (int from : sorted(source, sourceOrder)) {
            for (int to : sinks) {
                if (tryMove(from, to)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean tryMove(int source, int sink) {
        if (source == WorkingMap.NONE || sink == WorkingMap.NONE || source == sink
                || (band.mustShed(source) == 0 && band.mustReceive(sink) == 0)) {
            return false;
        }
        SizedGroup chosen = choose(source, sink, true);
        if (chosen == null) {
            chosen = choose(source, sink, false);
        }
        if (chosen == null) {
            return false;
        }
        map.move(chosen.group(), source, sink);
        return true;
    }

    /**
     * The group to move from source to sink, if any fits. With {@code untouchedOnly}, only groups none of whose
     * copies the plan moves yet: one handoff per group is simpler to run and leaves more copies in place while it
     * runs; sizes are dense enough that this preference costs next to no bytes.
     */
    private SizedGroup choose(int source, int sink, boolean untouchedOnly) {
        long gap = wasteFree(source, sink);
        long limit = Math.min(band.spare(source), band.room(sink));
        SizedGroup filling = largestEligible(source, sink, Math.min(gap, limit), untouchedOnly);
        if (filling != null && filling.bytes() == gap) {
            return filling;
        }
        SizedGroup closing = smallestEligible(source, sink, gap, limit, WorkingMap.NONE, untouchedOnly);
        if (filling == null || closing == null) {
            return filling != null ? filling : closing;
        }
        // Filling leaves a remainder. If the source has a group smaller than it, later moves can fill it up
        // closely; if not, the next move will overshoot by a whole group, and one closing move may cost less.
        long remainder = gap - filling.bytes();
        SizedGroup next = smallestEligible(source, sink, 1, limit - filling.bytes(), filling.group(),
                untouchedOnly);
        if (next == null || next.bytes() < remainder) {
            return filling;
        }
        return closing.bytes() <= filling.bytes() + next.bytes() ? closing : filling;
    }

    /**
     * The most bytes a move from source to sink can carry without waste: without copying more, in the end, than
     * the larger of what all nodes must shed and what all must receive, which is what the lower bound counts.
     * A byte moved lowers what the source must shed, what the sink must receive, or both. While more must be shed
     * than received, bytes that only lower the shedding are free, up to that surplus, and vice versa; so a move may
     * exceed what the sink must receive by the shedding surplus, and what the source must shed by the receiving
     * surplus. Large groups thereby leave an overfull node early, while the surplus lasts, instead of being
     * stranded on it once only small gaps remain.
     */
    private long wasteFree(int source, int sink) {
        long surplusToShed = Math.max(0, toShed - toReceive);
        long surplusToReceive = Math.max(0, toReceive - toShed);
        return Math.min(band.mustShed(source) + surplusToReceive, band.mustReceive(sink) + surplusToShed);
    }

    private SizedGroup largestEligible(int source, int sink, long max, boolean untouchedOnly) {
        if (max < 1) {
            return null;
        }
        for (SizedGroup candidate : map.movableGroups(source)
                .subSet(SizedGroup.below(1), true, SizedGroup.above(max), true).descendingSet()) {
            if (eligible(candidate, sink, untouchedOnly)) {
                return candidate;
            }
        }
        return null;
    }

    private SizedGroup smallestEligible(int source, int sink, long min, long max, int excluded,
                                        boolean untouchedOnly) {
        if (max < Math.max(min, 1)) {
            return null;
        }
        for (SizedGroup candidate : map.movableGroups(source)
                .subSet(SizedGroup.below(Math.max(min, 1)), true, SizedGroup.above(max), true)) {
            if (candidate.group() != excluded && eligible(candidate, sink, untouchedOnly)) {
                return candidate;
            }
        }
        return null;
    }

    private boolean eligible(SizedGroup candidate, int sink, boolean untouchedOnly) {
        return !(untouchedOnly && map.isChanged(candidate.group())) && map.mayReceive(sink, candidate.group());
    }

    private int first(IntPredicate which, Comparator<Integer> order) {
        int best = WorkingMap.NONE;
        for (int node = 0; node < map.nodeCount(); node++) {
            if (which.test(node) && (best == WorkingMap.NONE || order.compare(node, best) < 0)) {
                best = node;
            }
        }
        return best;
    }

    private List<Integer> sorted(IntPredicate which, Comparator<Integer> order) {
        return IntStream.range(0, map.nodeCount()).filter(which).boxed().sorted(order).toList();
    }
}
