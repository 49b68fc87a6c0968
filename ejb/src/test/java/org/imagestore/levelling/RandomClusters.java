package org.imagestore.levelling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random clusters for the property tests, reproducible from a seed: 2 to 50 nodes whose capacities differ up to
 * 10x, some new (empty), some draining, sometimes one lost; R from 1 to 3; group sizes skewed (lognormal or
 * Zipf-like). Groups are kept small against the smallest node's band (at most a third of tolerance x capacity),
 * with enough of them to fill the cluster, so that the tolerance is reachable.
 */
final class RandomClusters {

    private static final long TIB = 1L << 40;

    /** A generated cluster and what it is made of, for failure messages. */
    record Scenario(long seed, LevellingInput input, boolean lostNode, String description) {
    }

    private RandomClusters() {
    }

    /** A cluster where the tolerance is reachable: the largest group is a third of the smallest node's tolerance. */
    static Scenario generate(long seed) {
        return generate(seed, 1 / 3.0);
    }

    /**
     * A cluster whose largest group is {@code coarseness} x tolerance x the smallest active node's capacity: above
     * 2 the largest groups no longer fit the smallest node's band (twice the tolerance wide).
     */
    static Scenario generate(long seed, double coarseness) {
        Random random = new Random(seed);
        int nodeCount = 2 + random.nextInt(49);
        int replicas = 1 + random.nextInt(3);
        double tolerance = new double[] {0.02, 0.02, 0.01, 0.05}[random.nextInt(4)];
        int newNodes = random.nextInt(Math.min(3, nodeCount - 1) + 1);
        int draining = random.nextInt(Math.min(2, nodeCount - newNodes - 1) + 1);
        boolean lostNode = random.nextInt(5) == 0;

        List<Node> nodes = new ArrayList<>();
        List<Node> placedOn = new ArrayList<>(); // the nodes that held groups before this plan
        for (int i = 0; i < nodeCount; i++) {
            long capacity = (long) (TIB * Math.exp(random.nextDouble() * Math.log(10)));
            String name = String.format(Locale.ROOT, "node-%02d", i);
            Node node = i < newNodes ? Node.active(name, capacity)
                    : i < newNodes + draining ? Node.draining(name, capacity) : Node.active(name, capacity);
            nodes.add(node);
            if (i >= newNodes) {
                placedOn.add(node);
            }
        }
        if (lostNode) {
            placedOn.add(Node.active("lost-node", (long) (TIB * Math.exp(random.nextDouble() * Math.log(10)))));
        }

        List<Node> active = nodes.stream().filter(n -> !n.isDraining()).toList();
        long activeCapacity = active.stream().mapToLong(Node::capacityBytes).sum();
        long smallestCapacity = active.stream().mapToLong(Node::capacityBytes).min().orElseThrow();
        long largestCapacity = active.stream().mapToLong(Node::capacityBytes).max().orElseThrow();
        // a node with more than 1/R of the capacity cannot reach the mean even holding every group (R distinct
        // holders): that unreachable case has its own tests
        while (replicas > 1 && Math.min(replicas, active.size()) * largestCapacity > 0.8 * activeCapacity) {
            replicas--;
        }
        int replicasPerGroup = Math.min(replicas, active.size());
        long largestGroup = (long) (coarseness * tolerance * smallestCapacity);
        // enough groups that the average one is an eighth of the largest allowed; fewer fill, if that is too many
        double fill = 0.1 + 0.7 * random.nextDouble();
        double totalBytes = fill * activeCapacity / replicasPerGroup;
        int groupCount = 256;
        while (groupCount < 32_768 && totalBytes / groupCount > largestGroup / 8.0) {
            groupCount *= 2;
        }
        totalBytes = Math.min(totalBytes, (double) groupCount * largestGroup / 8);

        boolean zipf = random.nextBoolean();
        double skew = zipf ? 0.6 + 0.6 * random.nextDouble() : 0.5 + 1.5 * random.nextDouble();
        double[] weights = new double[groupCount];
        double weightSum = 0;
        for (int g = 0; g < groupCount; g++) {
            weights[g] = zipf ? 1 / Math.pow(g + 1, skew) : Math.exp(skew * random.nextGaussian());
            weightSum += weights[g];
        }
        List<Double> shuffled = new ArrayList<>();
        for (double w : weights) {
            shuffled.add(w);
        }
        Collections.shuffle(shuffled, random);

        // nearly level clusters are where a planner wastes most relative to the little it has to move
        double noise = new double[] {0.02, 0.1, 0.5}[random.nextInt(3)];
        double[] placementWeight = new double[placedOn.size()];
        for (int i = 0; i < placedOn.size(); i++) {
            placementWeight[i] = placedOn.get(i).capacityBytes() * (1 + noise * (2 * random.nextDouble() - 1));
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            long bytes = Math.min(largestGroup, (long) (totalBytes * shuffled.get(g) / weightSum));
            groups.add(new Group("g" + (100_000 + g), bytes,
                    pickHolders(random, placedOn, placementWeight, replicas)));
        }
        String description = String.format(Locale.ROOT,
                "seed %d: %d nodes (%d new, %d draining%s), R=%d, tolerance %.2f, %d groups (%s %.2f, largest %d "
                        + "bytes), fill %.2f, placement noise %.2f",
                seed, nodeCount, newNodes, draining, lostNode ? ", one lost" : "", replicas, tolerance, groupCount,
                zipf ? "zipf" : "lognormal", skew, largestGroup, fill, noise);
        return new Scenario(seed, new LevellingInput(nodes, groups, replicas, tolerance), lostNode, description);
    }

    /** Up to {@code count} distinct nodes, each drawn with probability proportional to its weight. */
    private static List<String> pickHolders(Random random, List<Node> nodes, double[] weight, int count) {
        List<String> picked = new ArrayList<>();
        boolean[] taken = new boolean[nodes.size()];
        for (int k = 0; k < Math.min(count, nodes.size()); k++) {
            double total = 0;
            for (int i = 0; i < nodes.size(); i++) {
                total += taken[i] ? 0 : weight[i];
            }
            double x = random.nextDouble() * total;
            int choice = -1;
            for (int i = 0; i < nodes.size() && x >= 0; i++) {
                if (!taken[i]) {
                    choice = i;
                    x -= weight[i];
                }
            }
            taken[choice] = true;
            picked.add(nodes.get(choice).name());
        }
        return picked;
    }
}
