package org.imagestore.levelling;

/** What levelling may do with a node. A new node is simply an {@link #ACTIVE} one that holds nothing yet. */
public enum NodeState {
    /** Holds groups and may receive more. */
    ACTIVE,
    /** Being emptied: must end the plan holding no group, and receives none. */
    DRAINING
}
