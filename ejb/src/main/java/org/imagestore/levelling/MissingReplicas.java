package org.imagestore.levelling;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Gives groups that lost holders (a node gone) their missing copies, before any levelling.
 * <p>
 * Largest groups first, each copy to the node that ends emptiest by fraction with it: the classic
 * longest-processing-time rule, which spreads the new copies by capacity so that levelling rarely has to move
 * them around afterwards (and it may not: a new copy never moves again within the plan).
 */
final class MissingReplicas {

    private MissingReplicas() {
    }

    static void place(WorkingMap map) {
        int[] needing = IntStream.range(0, map.groupCount()).filter(g -> map.holderCount(g) < map.replicas)
                .boxed().sorted(Comparator.comparingLong((Integer g) -> map.bytes(g)).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .mapToInt(Integer::intValue).toArray();
        for (int group : needing) {
            while (map.holderCount(group) < map.replicas) {
                map.addReplica(group, emptiestWith(map, group));
            }
        }
    }

    private static int emptiestWith(WorkingMap map, int group) {
        int best = WorkingMap.NONE;
        for (int node = 0; node < map.nodeCount(); node++) {
            if (map.mayReceive(node, group)
                    && (best == WorkingMap.NONE
                        || map.fractionWith(node, map.bytes(group)) < map.fractionWith(best, map.bytes(group)))) {
                best = node;
            }
        }
        // there are at least `replicas` active nodes, and the group has fewer holders than that
        return best;
    }
}
