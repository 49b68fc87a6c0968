package org.imagestore.levelling;

import java.util.Arrays;
import java.util.Comparator;
import java.util.NavigableSet;

/**
 * The fewest bytes that any plan reaching the tolerance must copy, so that a plan's cost can be judged.
 * <p>
 * Every byte copied arrives at some node, so the bytes copied are at least the sum, over the nodes below the
 * floor, of what each must gain. They are also at least the re-replication (forced) plus what the nodes above the
 * ceiling, and the draining nodes, must shed (each shed byte is a move). The larger of the two is the bound.
 * A node's need counts whole groups: a node that must shed e bytes needs at least k groups, k being how many of
 * its largest groups it takes to reach e, and k groups weigh at least its k smallest. Without that a node just
 * over the ceiling would "need" a few bytes while the smallest thing it can give away is a whole group.
 */
final class LowerBound {

    private LowerBound() {
    }

    static long of(WorkingMap map, Band band) {
        long shed = 0;
        long receive = 0;
        Integer[] bySizeDescending = groupsBySizeDescending(map);
        for (int node = 0; node < map.nodeCount(); node++) {
            if (band.mustShed(node) > 0) {
                shed += wholeGroupsToShed(map.movableGroups(node), band.mustShed(node));
            }
            if (band.mustReceive(node) > 0) {
                receive += wholeGroupsToReceive(map, node, bySizeDescending, band.mustReceive(node));
            }
        }
        long rereplication = 0;
        for (int g = 0; g < map.groupCount(); g++) {
            rereplication += (map.replicas - map.holderCount(g)) * map.bytes(g);
        }
        return Math.max(receive, shed + rereplication);
    }

    private static long wholeGroupsToShed(NavigableSet<SizedGroup> groups, long need) {
        int count = 0;
        long largest = 0;
        for (SizedGroup group : groups.descendingSet()) {
            if (largest >= need) {
                break;
            }
            largest += group.bytes();
            count++;
        }
        long smallest = groups.stream().limit(count).mapToLong(SizedGroup::bytes).sum();
        return Math.max(need, smallest);
    }

    private static long wholeGroupsToReceive(WorkingMap map, int node, Integer[] bySizeDescending, long need) {
        int count = 0;
        long largest = 0;
        for (int k = 0; k < bySizeDescending.length && largest < need; k++) {
            int g = bySizeDescending[k];
            if (!map.holds(node, g)) {
                largest += map.bytes(g);
                count++;
            }
        }
        long smallest = 0;
        for (int k = bySizeDescending.length - 1; k >= 0 && count > 0; k--) {
            int g = bySizeDescending[k];
            if (!map.holds(node, g)) {
                smallest += map.bytes(g);
                count--;
            }
        }
        return Math.max(need, smallest);
    }

    private static Integer[] groupsBySizeDescending(WorkingMap map) {
        Integer[] groups = new Integer[map.groupCount()];
        Arrays.setAll(groups, g -> g);
        Arrays.sort(groups, Comparator.comparingLong((Integer g) -> map.bytes(g)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return groups;
    }
}
