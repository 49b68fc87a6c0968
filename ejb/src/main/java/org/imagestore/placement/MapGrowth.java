package org.imagestore.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the group map changes when nodes join or a down node is given up on, before any levelling: a group that
 * holds nothing yet is (re)assigned freely, by weighted rendezvous over the nodes that are up, since moving it
 * costs nothing; a group that holds images keeps its holders (minus those given up) and gets new ones only where
 * it has fewer than R. Pure: the caller reads the catalogue and writes the result under the map's lock.
 */
public final class MapGrowth {

    private MapGrowth() {
    }

    /**
     * @param groups     every group
     * @param current    holders by group today (absent: none)
     * @param emptyGroups groups that hold no image
     * @param upNodes    the nodes that may take groups, with their weights (capacity)
     * @param givenUp    nodes to take out of every group (down for longer than the grace period)
     * @param replicas   R
     * @return the new holders of every group whose holders change
     */
    public static Map<String, List<String>> grow(List<String> groups, Map<String, List<String>> current,
                                                 Set<String> emptyGroups, Map<String, Double> upNodes,
                                                 Set<String> givenUp, int replicas) {
        int wanted = Math.min(replicas, upNodes.size());
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (String group : groups) {
            List<String> before = current.getOrDefault(group, List.of());
            List<String> after;
            if (emptyGroups.contains(group)) {
                after = Rendezvous.rank(group, upNodes).subList(0, wanted);
            } else {
                after = new ArrayList<>(before);
                after.removeAll(givenUp);
                for (String node : Rendezvous.rank(group, upNodes)) {
                    if (after.size() >= replicas) {
                        break;
                    }
                    if (!after.contains(node)) {
                        after.add(node);
                    }
                }
            }
            if (!after.equals(before)) {
                changed.put(group, List.copyOf(after));
            }
        }
        return changed;
    }
}
