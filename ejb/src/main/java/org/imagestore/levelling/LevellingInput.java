package org.imagestore.levelling;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the planner needs: the nodes, the group map and the two settings.
 *
 * @param replicas  the replication factor R: holders per group
 * @param tolerance how far (as a fraction of capacity, 0.02 = 2 percentage points) a node's used fraction may be
 *                  from the cluster mean and still count as level
 */
public record LevellingInput(List<Node> nodes, List<Group> groups, int replicas, double tolerance) {

    public static final double DEFAULT_TOLERANCE = 0.02;

    public LevellingInput {
        nodes = List.copyOf(nodes);
        groups = List.copyOf(groups);
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance);
        }
        requireUnique(nodes.stream().map(Node::name).toList(), "node");
        requireUnique(groups.stream().map(Group::name).toList(), "group");
        if (nodes.stream().allMatch(Node::isDraining)) {
            throw new IllegalArgumentException("no active node: nothing could hold the groups");
        }
    }

    public LevellingInput(List<Node> nodes, List<Group> groups, int replicas) {
        this(nodes, groups, replicas, DEFAULT_TOLERANCE);
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " name: " + name);
            }
        }
    }
}
