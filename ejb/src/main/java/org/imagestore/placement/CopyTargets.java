package org.imagestore.placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the copies of a new upload go: its group's holders that are up, and for each holder that is down (or
 * failed this upload) a stand-in, the next live node in the group's rendezvous order. Every node picks the same
 * stand-ins for the same situation, so handoff copies of a group gather on few nodes.
 */
public final class CopyTargets {

    private CopyTargets() {
    }

    /**
     * @param holders     the group's holders in the map, first first
     * @param liveWeights the nodes that are up, with their rendezvous weights
     * @param wanted      how many copies (R, or fewer if fewer nodes are up)
     * @param excluded    nodes that failed this upload already
     */
    public static List<String> choose(String group, List<String> holders, Map<String, Double> liveWeights,
                                      int wanted, Set<String> excluded) {
        List<String> targets = new ArrayList<>(wanted);
        for (String holder : holders) {
            if (targets.size() < wanted && liveWeights.containsKey(holder) && !excluded.contains(holder)) {
                targets.add(holder);
            }
        }
        for (String node : Rendezvous.rank(group, liveWeights)) {
            if (targets.size() >= wanted) {
                break;
            }
            if (!targets.contains(node) && !excluded.contains(node)) {
                targets.add(node);
            }
        }
        return List.copyOf(targets);
    }

    /**
     * Whether an upload's copies leave its group to the repair: a holder without a copy (down, or failed this
     * upload), or a copy on a stand-in that must go home. A group whose holders all got theirs is settled, also
     * when it has fewer holders than R because fewer nodes exist: when nodes join, the map gives the group more
     * holders and marks it for the repair then. (Marking every upload of a one-node store had the repair look at
     * its group a moment later, each time.)
     */
    public static boolean leaveToRepair(List<String> holders, Collection<String> copies) {
        return !copies.containsAll(holders) || !holders.containsAll(copies);
    }
}
