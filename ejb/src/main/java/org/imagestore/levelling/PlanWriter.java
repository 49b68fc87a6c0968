package org.imagestore.levelling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the finished working map into the public {@link LevellingPlan}, by name instead of index. */
final class PlanWriter {

    private PlanWriter() {
    }

    static LevellingPlan write(WorkingMap map, Band band, long lowerBound) {
        // the working map numbers groups in name order, so this map is in name order too
        Map<String, List<String>> targetHolders = new LinkedHashMap<>();
        long largestGroup = 0;
        for (int g = 0; g < map.groupCount(); g++) {
            targetHolders.put(map.groupName(g), map.holderNames(g));
            largestGroup = Math.max(largestGroup, map.bytes(g));
        }
        List<NodeForecast> nodes = new ArrayList<>();
        for (int n = 0; n < map.nodeCount(); n++) {
            Node node = map.node(n);
            nodes.add(new NodeForecast(node.name(), node.state(), node.capacityBytes(), map.usedBefore(n),
                    map.used(n), band.isLevel(n)));
        }
        List<Move> moves = map.moves().stream().map(c -> new Move(map.groupName(c.group()), name(map, c.from()),
                name(map, c.to()), map.bytes(c.group()))).toList();
        // a group without any copy gets holders, but there is nothing to copy to them
        List<Rereplication> rereplications = map.rereplications().stream()
                .filter(c -> map.originalHolderCount(c.group()) > 0)
                .map(c -> new Rereplication(map.groupName(c.group()), name(map, c.to()), map.bytes(c.group())))
                .toList();
        List<SurplusRemoval> removals = map.removals().stream().map(c -> new SurplusRemoval(
                map.groupName(c.group()), name(map, c.from()), map.bytes(c.group()))).toList();
        return new LevellingPlan(map.requestedReplicas, map.replicas, band.mean, band.tolerance, targetHolders,
                moves, rereplications, removals, nodes, lowerBound, band.allLevel(), map.groupsWithoutCopy(),
                notes(map, band, nodes, largestGroup));
    }

    private static String name(WorkingMap map, int node) {
        return map.node(node).name();
    }

    private static List<String> notes(WorkingMap map, Band band, List<NodeForecast> nodes, long largestGroup) {
        long allGroupBytes = 0;
        for (int g = 0; g < map.groupCount(); g++) {
            allGroupBytes += map.bytes(g);
        }
        List<String> notes = new ArrayList<>();
        if (map.replicas < map.requestedReplicas) {
            notes.add(String.format(Locale.ROOT, "only %d active node(s): every group gets %d holder(s), not %d",
                    map.replicas, map.replicas, map.requestedReplicas));
        }
        if (!map.groupsWithoutCopy().isEmpty()) {
            notes.add(map.groupsWithoutCopy().size() + " group(s) have no copy left on any node: "
                    + String.join(", ", map.groupsWithoutCopy().stream().limit(10).toList())
                    + (map.groupsWithoutCopy().size() > 10 ? ", ..." : ""));
        }
        for (NodeForecast node : nodes) {
            if (!node.withinTolerance()) {
                notes.add(String.format(Locale.ROOT, "%s ends at %.2f%% used, outside %.2f%% +/- %.2f%%: %s",
                        node.node(), 100 * node.fractionAfter(), 100 * band.mean, 100 * band.tolerance,
                        whyNotLevel(node, band, largestGroup, allGroupBytes)));
            }
        }
        return notes;
    }

    /** For an active node: draining nodes always end empty. */
    private static String whyNotLevel(NodeForecast node, Band band, long largestGroup, long allGroupBytes) {
        if (allGroupBytes < (band.mean - band.tolerance) * node.capacityBytes()) {
            return "it has more than 1/R of the active capacity, so even a copy of every group leaves it below";
        }
        long bandBytes = (long) (2 * band.tolerance * node.capacityBytes());
        return "no single move of a group brings it closer to the mean (its band is " + bandBytes
                + " bytes wide, the largest group " + largestGroup + " bytes)";
    }
}
