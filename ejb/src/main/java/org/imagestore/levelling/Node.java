package org.imagestore.levelling;

import java.util.Objects;

/**
 * A node as the planner sees it.
 *
 * @param capacityBytes the sum of its volumes' capacities
 */
public record Node(String name, long capacityBytes, NodeState state) {

    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("node " + name + ": capacity must be positive, was " + capacityBytes);
        }
    }

    public static Node active(String name, long capacityBytes) {
        return new Node(name, capacityBytes, NodeState.ACTIVE);
    }

    public static Node draining(String name, long capacityBytes) {
        return new Node(name, capacityBytes, NodeState.DRAINING);
    }

    public boolean isDraining() {
        return state == NodeState.DRAINING;
    }
}
