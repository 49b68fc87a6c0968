package org.imagestore.levelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LevellingPlannerTest {

    @Test
    void aLevelClusterNeedsNothing() {
        List<Group> groups = new ArrayList<>();
        groups.addAll(groups("a", 10, 50, "A"));
        groups.addAll(groups("b", 10, 50, "B"));
        LevellingInput input = new LevellingInput(List.of(Node.active("A", 1000), Node.active("B", 1000)), groups, 1);

        LevellingPlan plan = plan(input);

        assertTrue(plan.changesNothing());
        assertTrue(plan.toleranceReached());
        assertEquals(0, plan.lowerBoundBytes());
        assertEquals(0.5, plan.meanFraction());
    }

    @Test
    void anOverfullNodeShedsWholeGroupsToTheUnderfullOneAndTheBoundCountsWholeGroups() {
        // mean 50%, band 48..52 bytes: A must shed 18 and B gain 18, which takes three groups of 7 either way
        List<Group> groups = new ArrayList<>();
        groups.addAll(groups("a", 10, 7, "A"));
        groups.addAll(groups("b", 6, 5, "B"));
        LevellingInput input = new LevellingInput(List.of(Node.active("A", 100), Node.active("B", 100)), groups, 1);

        LevellingPlan plan = plan(input);

        assertEquals(21, plan.lowerBoundBytes());
        assertEquals(21, plan.bytesMoved());
        assertEquals(3, plan.moves().size());
        assertTrue(plan.moves().stream().allMatch(m -> m.from().equals("A") && m.to().equals("B")));
        assertEquals(Map.of("A", 49L, "B", 51L), usedAfter(plan));
        assertTrue(plan.toleranceReached());
    }

    @Test
    void levelNodesAreLeftAlone() {
        List<Group> groups = new ArrayList<>();
        groups.addAll(groups("a", 60, 1, "A"));
        groups.addAll(groups("b", 20, 1, "B"));
        groups.addAll(groups("c", 40, 1, "C"));
        groups.addAll(groups("d", 40, 1, "D"));
        LevellingInput input = new LevellingInput(
                List.of(Node.active("A", 100), Node.active("B", 100), Node.active("C", 100), Node.active("D", 100)),
                groups, 1);

        LevellingPlan plan = plan(input);

        assertTrue(plan.moves().stream().allMatch(m -> m.from().equals("A") && m.to().equals("B")), "A to B only");
        assertEquals(18, plan.bytesMoved());
        assertEquals(18, plan.lowerBoundBytes());
        assertEquals(Map.of("A", 42L, "B", 38L, "C", 40L, "D", 40L), usedAfter(plan));
    }

    @Test
    void aDrainingNodeEndsEmpty() {
        List<Group> groups = new ArrayList<>();
        groups.addAll(groups("a", 10, 20, "A"));
        groups.addAll(groups("b", 10, 20, "B"));
        groups.addAll(groups("c", 10, 20, "C"));
        LevellingInput input = new LevellingInput(
                List.of(Node.draining("A", 1000), Node.active("B", 1000), Node.active("C", 1000)), groups, 1);

        LevellingPlan plan = plan(input);

        assertEquals(Map.of("A", 0L, "B", 300L, "C", 300L), usedAfter(plan));
        assertEquals(200, plan.bytesMoved());
        assertEquals(200, plan.lowerBoundBytes());
        assertTrue(plan.toleranceReached());
        assertEquals(0.3, plan.meanFraction(), 1e-12);
    }

    @Test
    void copiesOnALostNodeAreRereplicatedOnTheEmptiestNodesAndCountAsCopied() {
        // "gone" is not a node any more: every group has one copy left, on A
        LevellingInput input = new LevellingInput(
                List.of(Node.active("A", 100), Node.active("B", 100), Node.active("C", 200)),
                groups("g", 6, 10, "A", "gone"), 2);

        LevellingPlan plan = plan(input);

        assertEquals(6, plan.rereplications().size());
        assertTrue(plan.rereplications().stream().noneMatch(r -> r.to().equals("A")));
        assertEquals(60, plan.bytesRereplicated());
        assertEquals(Map.of("A", 30L, "B", 30L, "C", 60L), usedAfter(plan));
        assertEquals(90, plan.lowerBoundBytes());
        assertEquals(90, plan.bytesCopied());
        assertTrue(plan.toleranceReached());
    }

    @Test
    void aGroupListedWithFewerHoldersThanReplicasGetsTheMissingOnes() {
        LevellingInput input = new LevellingInput(
                List.of(Node.active("A", 100), Node.active("B", 100), Node.active("C", 100)),
                List.of(new Group("g", 10, "A")), 3);

        LevellingPlan plan = plan(input);

        assertEquals(List.of("A", "B", "C"), plan.targetHolders().get("g"));
        assertEquals(20, plan.bytesRereplicated());
        assertTrue(plan.moves().isEmpty());
    }

    @Test
    void surplusCopiesAreDroppedFromTheFullestNodesWithoutCopying() {
        // the replication factor went from 3 to 2
        LevellingInput input = new LevellingInput(
                List.of(Node.active("A", 100), Node.active("B", 100), Node.active("C", 100)),
                groups("g", 6, 10, "A", "B", "C"), 2);

        LevellingPlan plan = plan(input);

        assertEquals(6, plan.surplusRemovals().size());
        assertEquals(0, plan.bytesCopied());
        assertEquals(Map.of("A", 40L, "B", 40L, "C", 40L), usedAfter(plan));
        assertTrue(plan.toleranceReached());
    }

    @Test
    void withFewerActiveNodesThanReplicasEveryGroupGetsAsManyAsThereAreAndThePlanSaysSo() {
        LevellingInput input = new LevellingInput(
                List.of(Node.active("A", 100), Node.active("B", 100), Node.draining("C", 100)),
                groups("g", 4, 10, "A", "B", "C"), 3);

        LevellingPlan plan = plan(input);

        assertEquals(2, plan.replicasPerGroup());
        assertTrue(plan.replicasReduced());
        assertTrue(plan.notes().getFirst().contains("only 2 active node(s)"), plan.notes().toString());
        assertTrue(plan.surplusRemovals().stream().allMatch(r -> r.from().equals("C")));
        assertEquals(0, plan.bytesCopied());
        assertTrue(plan.targetHolders().values().stream().allMatch(h -> h.equals(List.of("A", "B"))));
    }

    @Test
    void aGroupWithNoCopyLeftGetsHoldersButNothingToCopy() {
        LevellingInput input = new LevellingInput(List.of(Node.active("A", 100), Node.active("B", 100)),
                List.of(new Group("g", 10, "gone"), new Group("h", 10, "A", "B")), 2);

        LevellingPlan plan = plan(input);

        assertEquals(List.of("g"), plan.groupsWithoutCopy());
        assertEquals(List.of("A", "B"), plan.targetHolders().get("g"));
        assertTrue(plan.rereplications().isEmpty());
        assertEquals(0, plan.bytesCopied());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("no copy left")), plan.notes().toString());
    }

    @Test
    void theSameClusterInAnotherOrderGivesTheSamePlan() {
        List<Group> groups = new ArrayList<>();
        groups.addAll(groups("a", 50, 3, "A", "B"));
        groups.addAll(groups("b", 30, 5, "B", "C"));
        List<Node> nodes = List.of(Node.active("A", 400), Node.active("B", 300), Node.active("C", 200),
                Node.active("D", 500));
        LevellingPlan plan = plan(new LevellingInput(nodes, groups, 2));

        assertEquals(plan, plan(new LevellingInput(nodes.reversed(), groups.reversed(), 2)));
        assertEquals(plan, plan(new LevellingInput(nodes, groups, 2)));
    }

    @Test
    void aNodeTooSmallForAnyGroupGetsTheOneThatBringsItClosestAndThePlanSaysTheToleranceIsOutOfReach() {
        // C's band is 0.2 bytes either side of 5 bytes, groups are 7 bytes: one group (70%) is closer than none
        LevellingInput input = new LevellingInput(
                List.of(Node.active("A", 1000), Node.active("B", 1000), Node.active("C", 10)),
                groups("g", 143, 7, "A"), 1);

        LevellingPlan plan = plan(input);

        assertFalse(plan.toleranceReached());
        Map<String, NodeForecast> nodes = forecasts(plan);
        assertEquals(7, nodes.get("C").usedBytesAfter());
        assertTrue(nodes.get("A").withinTolerance());
        assertTrue(nodes.get("B").withinTolerance());
        assertFalse(nodes.get("C").withinTolerance());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("C ends at 70.00% used")
                && n.contains("no single move")), plan.notes().toString());
    }

    @Test
    void aGroupLargerThanTheBandStaysWhereItIsAndTheRestLevelsAroundIt() {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("big", 600, "A"));
        groups.addAll(groups("small", 10, 40, "A"));
        LevellingInput input = new LevellingInput(List.of(Node.active("A", 1000), Node.active("B", 1000)), groups, 1);

        LevellingPlan plan = plan(input);

        assertFalse(plan.toleranceReached());
        assertEquals(List.of("A"), plan.targetHolders().get("big"));
        assertEquals(Map.of("A", 600L, "B", 400L), usedAfter(plan));
        assertEquals(400, plan.bytesMoved());
    }

    @Test
    void aDrainingNodeIsEmptiedEvenWhenItsGroupFitsNowhereWithinTheBand() {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("big", 60, "A"));
        groups.addAll(groups("small", 4, 5, "B"));
        LevellingInput input = new LevellingInput(
                List.of(Node.draining("A", 100), Node.active("B", 100), Node.active("C", 100)), groups, 1);

        LevellingPlan plan = plan(input);

        assertEquals(List.of(new Move("big", "A", "C", 60)), plan.moves());
        assertEquals(0, forecasts(plan).get("A").usedBytesAfter());
        assertTrue(forecasts(plan).get("A").withinTolerance());
        assertFalse(plan.toleranceReached());
    }

    @Test
    void twoNodesWithReplicasTwoAndUnequalCapacitiesCannotLevel() {
        // every group is on both nodes, so the larger one stays below the mean however the map looks
        LevellingInput input = new LevellingInput(List.of(Node.active("A", 100), Node.active("B", 300)),
                groups("g", 10, 5, "A", "B"), 2);

        LevellingPlan plan = plan(input);

        assertTrue(plan.changesNothing());
        assertFalse(plan.toleranceReached());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("B ") && n.contains("more than 1/R")),
                plan.notes().toString());
    }

    @Test
    void refusesInputThatCannotBePlanned() {
        List<Node> two = List.of(Node.active("A", 100), Node.active("B", 100));
        assertThrows(IllegalArgumentException.class, () -> Node.active("A", 0));
        assertThrows(IllegalArgumentException.class, () -> new Group("g", -1, "A"));
        assertThrows(IllegalArgumentException.class, () -> new LevellingInput(two, List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new LevellingInput(two, List.of(), 1, -0.01));
        assertThrows(IllegalArgumentException.class, () -> new LevellingInput(two, List.of(), 1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new LevellingInput(List.of(Node.active("A", 1), Node.draining("A", 1)), List.of(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new LevellingInput(two, List.of(new Group("g", 1, "A"), new Group("g", 1, "B")), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new LevellingInput(List.of(Node.draining("A", 100)), List.of(), 1));
    }

    private static LevellingPlan plan(LevellingInput input) {
        LevellingPlan plan = LevellingPlanner.plan(input);
        PlanChecks.assertValid(input, plan);
        return plan;
    }

    private static List<Group> groups(String prefix, int count, long bytes, String... holders) {
        List<Group> groups = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            groups.add(new Group(prefix + k, bytes, holders));
        }
        return groups;
    }

    private static Map<String, NodeForecast> forecasts(LevellingPlan plan) {
        return plan.nodes().stream().collect(Collectors.toMap(NodeForecast::node, Function.identity()));
    }

    private static Map<String, Long> usedAfter(LevellingPlan plan) {
        return plan.nodes().stream().collect(Collectors.toMap(NodeForecast::node, NodeForecast::usedBytesAfter));
    }
}
