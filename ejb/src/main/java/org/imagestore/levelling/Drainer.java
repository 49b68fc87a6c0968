package org.imagestore.levelling;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * Empties the draining nodes of whatever the tolerance stage could not place within the band (groups too large
 * for any node's room, or of zero bytes): a draining node must end with nothing, whatever that does to the
 * balance. Largest groups first, each to the node that ends emptiest by fraction with it.
 */
final class Drainer {

    private Drainer() {
    }

    static void empty(WorkingMap map) {
        for (int node = 0; node < map.nodeCount(); node++) {
            if (map.isDraining(node)) {
                for (SizedGroup copy : List.copyOf(map.movableGroups(node).descendingSet())) {
                    int to = emptiestWith(map, copy, map::mayReceive);
                    if (to == WorkingMap.NONE) {
                        // the group left every other node already: sending it back is wasteful, but possible
                        to = emptiestWith(map, copy, map::mayReceiveBack);
                    }
                    map.move(copy.group(), node, to);
                }
            }
        }
    }

    private static int emptiestWith(WorkingMap map, SizedGroup copy, BiPredicate<Integer, Integer> mayReceive) {
        int best = WorkingMap.NONE;
        for (int node = 0; node < map.nodeCount(); node++) {
            if (mayReceive.test(node, copy.group())
                    && (best == WorkingMap.NONE
                        || map.fractionWith(node, copy.bytes()) < map.fractionWith(best, copy.bytes()))) {
                best = node;
            }
        }
        return best;
    }
}
