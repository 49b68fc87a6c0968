package org.imagestore.levelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules every plan must keep, checked from the input and the plan alone (recomputing, never trusting the
 * planner's own forecast).
 */
final class PlanChecks {

    private PlanChecks() {
    }

    static void assertValid(LevellingInput input, LevellingPlan plan) {
        Map<String, Node> nodes = input.nodes().stream().collect(Collectors.toMap(Node::name, Function.identity()));
        long active = input.nodes().stream().filter(n -> !n.isDraining()).count();
        int replicas = (int) Math.min(input.replicas(), active);
        assertEquals(replicas, plan.replicasPerGroup(), "replicas per group");
        assertEquals(input.groups().size(), plan.targetHolders().size(), "every group has target holders");

        Map<String, Set<String>> holders = new HashMap<>();
        Map<String, Set<String>> original = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (Group group : input.groups()) {
            Set<String> known = group.holders().stream().filter(nodes::containsKey)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            holders.put(group.name(), new HashSet<>(known));
            original.put(group.name(), known);
            bytes.put(group.name(), known.isEmpty() ? 0 : group.bytes());
        }
        for (SurplusRemoval removal : plan.surplusRemovals()) {
            assertTrue(holders.get(removal.group()).remove(removal.from()),
                    () -> "removal from a holder: " + removal);
            original.get(removal.group()).remove(removal.from());
        }
        for (Move move : plan.moves()) {
            Set<String> now = holders.get(move.group());
            assertTrue(original.get(move.group()).contains(move.from()),
                    () -> "a move starts from a holder the group had at the start (no chains): " + move);
            assertFalse(original.get(move.group()).contains(move.to()),
                    () -> "a move goes to a new holder: " + move);
            assertTrue(now.remove(move.from()), () -> "each copy moves once: " + move);
            assertTrue(now.add(move.to()), () -> "a move goes to a node without the group: " + move);
            assertEquals(bytes.get(move.group()), move.bytes(), () -> "bytes of " + move);
        }
        for (Rereplication copy : plan.rereplications()) {
            assertTrue(holders.get(copy.group()).add(copy.to()), () -> "re-replication to a new holder: " + copy);
            assertEquals(bytes.get(copy.group()), copy.bytes(), () -> "bytes of " + copy);
        }

        Set<String> withoutCopy = new HashSet<>(plan.groupsWithoutCopy());
        Map<String, Long> usedAfter = new HashMap<>();
        long stored = 0;
        for (Group group : input.groups()) {
            List<String> target = plan.targetHolders().get(group.name());
            assertEquals(replicas, target.size(), () -> "holders of group " + group.name() + ": " + target);
            assertEquals(replicas, new HashSet<>(target).size(), () -> "distinct holders of " + group.name());
            if (!withoutCopy.contains(group.name())) {
                assertEquals(holders.get(group.name()), new HashSet<>(target),
                        () -> "the moves turn the map into the target for " + group.name());
            }
            for (String holder : target) {
                assertTrue(nodes.containsKey(holder), () -> "holder is a node: " + holder);
                assertFalse(nodes.get(holder).isDraining(),
                        () -> "no draining holder: " + group.name() + " " + target);
                usedAfter.merge(holder, bytes.get(group.name()), Long::sum);
            }
            stored += bytes.get(group.name()) * replicas;
        }
        long activeCapacity = input.nodes().stream().filter(n -> !n.isDraining())
                .mapToLong(Node::capacityBytes).sum();
        double mean = (double) stored / activeCapacity;
        assertEquals(mean, plan.meanFraction(), 1e-12, "mean fraction");

        boolean allWithin = true;
        for (NodeForecast forecast : plan.nodes()) {
            long used = usedAfter.getOrDefault(forecast.node(), 0L);
            assertEquals(used, forecast.usedBytesAfter(), () -> "forecast of " + forecast.node());
            boolean within = nodes.get(forecast.node()).isDraining() ? used == 0
                    : Math.abs((double) used / forecast.capacityBytes() - mean) <= input.tolerance() + 1e-9;
            allWithin &= within;
        }
        assertEquals(allWithin, plan.toleranceReached(), "tolerance reached as reported");
        if (plan.toleranceReached()) {
            assertTrue(plan.lowerBoundBytes() <= plan.bytesCopied(),
                    () -> "the lower bound is below what a plan reaching the tolerance copies: "
                            + plan.lowerBoundBytes() + " > " + plan.bytesCopied());
        }
    }

    /** Groups whose copies moved more than once (several replicas of one group moved). */
    static long groupsWithSeveralCopiesMoved(LevellingPlan plan) {
        return plan.moves().stream().collect(Collectors.groupingBy(Move::group, Collectors.counting()))
                .values().stream().filter(c -> c > 1).count();
    }

    /** The cluster as it stands once the plan is done: drained nodes gone, groups on their target holders. */
    static LevellingInput applied(LevellingInput input, LevellingPlan plan) {
        List<Node> nodes = input.nodes().stream().filter(n -> !n.isDraining()).toList();
        Set<String> withoutCopy = new HashSet<>(plan.groupsWithoutCopy());
        List<Group> groups = new ArrayList<>();
        for (Group group : input.groups()) {
            groups.add(new Group(group.name(), withoutCopy.contains(group.name()) ? 0 : group.bytes(),
                    plan.targetHolders().get(group.name())));
        }
        return new LevellingInput(nodes, groups, input.replicas(), input.tolerance());
    }
}
