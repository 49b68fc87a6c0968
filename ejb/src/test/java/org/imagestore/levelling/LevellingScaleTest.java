package org.imagestore.levelling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * How long planning takes and how much it moves when a node joins, at the largest group count (32,768) on 100
 * nodes, and on the smallest cluster that can grow. Prints its timings; asserts only what every plan must keep.
 */
class LevellingScaleTest {

    private static final long GIB = 1L << 30;

    @Test
    void aNewNodeJoinsAHundredNodeClusterWith32768Groups() {
        Random random = new Random(100);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // 1 to 10 TiB
            nodes.add(Node.active(String.format(Locale.ROOT, "node-%03d", i),
                    (long) (1024 * GIB * Math.exp(random.nextDouble() * Math.log(10)))));
        }
        LevellingInput levelled = levelled(nodes, 32_768, 3, 0.5, random);

        List<Node> grown = new ArrayList<>(levelled.nodes());
        grown.add(Node.active("node-new", 4096 * GIB));
        report("100 nodes + 1 new, 32768 groups, R=3",
                new LevellingInput(grown, levelled.groups(), levelled.replicas()));
    }

    @Test
    void aNewNodeJoinsATwoNodeCluster() {
        Random random = new Random(2);
        List<Node> nodes = List.of(Node.active("node-a", 2048 * GIB), Node.active("node-b", 2048 * GIB));
        for (int replicas = 1; replicas <= 2; replicas++) {
            LevellingInput levelled = levelled(nodes, 300, replicas, 0.6, random);
            List<Node> grown = new ArrayList<>(levelled.nodes());
            grown.add(Node.active("node-c", 2048 * GIB));
            report("2 nodes + 1 new, 300 groups, R=" + replicas,
                    new LevellingInput(grown, levelled.groups(), levelled.replicas()));
        }
    }

    private static void report(String what, LevellingInput input) {
        long start = System.nanoTime();
        LevellingPlan plan = LevellingPlanner.plan(input);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        LevellingPlanner.plan(input);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;

        PlanChecks.assertValid(input, plan);
        assertTrue(plan.toleranceReached(), () -> what + ": " + plan.notes());
        assertTrue(plan.bytesCopied() <= 1.1 * plan.lowerBoundBytes(), what);
        NodeForecast joined = plan.nodes().stream().filter(n -> n.usedBytesBefore() == 0).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT,
                "levelling scale, %s: planned in %d ms (again: %d ms); %d moves, %.1f GiB moved, lower bound "
                        + "%.1f GiB, ratio %.4f; new node at %.2f%%, mean %.2f%%, tolerance reached: %s%n",
                what, firstMillis, secondMillis, plan.moves().size(), (double) plan.bytesCopied() / GIB,
                (double) plan.lowerBoundBytes() / GIB, (double) plan.bytesCopied() / plan.lowerBoundBytes(),
                100 * joined.fractionAfter(), 100 * plan.meanFraction(), plan.toleranceReached());
    }

    /** A cluster filled to {@code fill} with lognormal group sizes, as the planner would leave it. */
    private static LevellingInput levelled(List<Node> nodes, int groupCount, int replicas, double fill,
                                           Random random) {
        long capacity = nodes.stream().mapToLong(Node::capacityBytes).sum();
        double[] weights = new double[groupCount];
        double weightSum = 0;
        for (int g = 0; g < groupCount; g++) {
            weights[g] = Math.exp(random.nextGaussian());
            weightSum += weights[g];
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            List<String> holders = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                holders.add(nodes.get((g + r) % nodes.size()).name());
            }
            groups.add(new Group(String.format(Locale.ROOT, "%05x", g),
                    (long) (fill * capacity / replicas * weights[g] / weightSum), holders));
        }
        LevellingInput unlevelled = new LevellingInput(nodes, groups, replicas);
        long start = System.nanoTime();
        LevellingPlan plan = LevellingPlanner.plan(unlevelled);
        System.out.printf(Locale.ROOT, "levelling scale: levelling the %d-node cluster first took %d ms%n",
                nodes.size(), (System.nanoTime() - start) / 1_000_000);
        assertTrue(plan.toleranceReached(), plan.notes()::toString);
        return PlanChecks.applied(unlevelled, plan);
    }
}
