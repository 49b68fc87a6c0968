package org.imagestore.levelling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The group map while a plan is being made: who holds what, how full every node is, and the changes so far.
 * <p>
 * Nodes and groups are numbered in name order, so that the plan does not depend on the order of the input.
 * Building it normalises the map: holders that are no longer nodes are dropped (their copies are lost), a holder
 * named twice counts once, and groups with more holders than the replication factor drop the surplus (draining
 * holders first, then the fullest by fraction). Every stage of the planner then edits this map through
 * {@link #move}, {@link #addReplica} only, which keeps the one rule that makes plans executable: a copy moves at
 * most once, from a holder it had at the start to one it did not have.
 */
final class WorkingMap {

    /** A change by node and group index; {@code from} or {@code to} is {@link #NONE} for additions and removals. */
    record Change(int group, int from, int to) {
    }

    static final int NONE = -1;

    final int requestedReplicas;
    /** Holders every group ends with: the replication factor, or the number of active nodes if smaller. */
    final int replicas;

    private final Node[] nodes;
    private final String[] groupNames;
    private final long[] bytes;
    private final int[][] original;
    private final int[][] holders;
    private final long[] usedBefore;
    private final long[] used;
    /** Per node, the copies it had at the start and still has: the only ones that may move. */
    private final List<NavigableSet<SizedGroup>> movable;
    private final List<String> groupsWithoutCopy = new ArrayList<>();
    /** Groups with a copy moved or added by this plan. */
    private final boolean[] changed;

    private final List<Change> moves = new ArrayList<>();
    private final List<Change> rereplications = new ArrayList<>();
    private final List<Change> removals = new ArrayList<>();

    WorkingMap(LevellingInput input) {
        nodes = input.nodes().stream().sorted(Comparator.comparing(Node::name)).toArray(Node[]::new);
        Group[] groups = input.groups().stream().sorted(Comparator.comparing(Group::name)).toArray(Group[]::new);
        requestedReplicas = input.replicas();
        replicas = (int) Math.min(requestedReplicas, Arrays.stream(nodes).filter(n -> !n.isDraining()).count());
        groupNames = new String[groups.length];
        bytes = new long[groups.length];
        holders = new int[groups.length][];
        usedBefore = new long[nodes.length];
        readGroups(groups);
        used = usedBefore.clone();
        dropSurplusCopies();
        original = Arrays.stream(holders).map(int[]::clone).toArray(int[][]::new);
        changed = new boolean[groups.length];
        movable = new ArrayList<>(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            movable.add(new TreeSet<>());
        }
        for (int g = 0; g < groups.length; g++) {
            for (int node : holders[g]) {
                movable.get(node).add(new SizedGroup(bytes[g], g));
            }
        }
    }

    private void readGroups(Group[] groups) {
        Map<String, Integer> nodeIndex = new HashMap<>();
        for (int i = 0; i < nodes.length; i++) {
            nodeIndex.put(nodes[i].name(), i);
        }
        for (int g = 0; g < groups.length; g++) {
            groupNames[g] = groups[g].name();
            holders[g] = knownDistinct(groups[g].holders(), nodeIndex);
            // with no copy left there is nothing to copy: the group only needs holders for future uploads
            bytes[g] = holders[g].length == 0 ? 0 : groups[g].bytes();
            if (holders[g].length == 0) {
                groupsWithoutCopy.add(groupNames[g]);
            }
            for (int node : holders[g]) {
                usedBefore[node] += bytes[g];
            }
        }
    }

    private void dropSurplusCopies() {
        for (int g = 0; g < holders.length; g++) {
            while (holders[g].length > replicas) {
                int surplus = surplusHolder(g);
                holders[g] = without(holders[g], surplus);
                used[surplus] -= bytes[g];
                removals.add(new Change(g, surplus, NONE));
            }
        }
    }

    /** The holders that are nodes, each once: a name that is not a node any more is a lost copy. */
    private static int[] knownDistinct(List<String> names, Map<String, Integer> nodeIndex) {
        int[] known = new int[names.size()];
        int count = 0;
        for (String name : names) {
            Integer node = nodeIndex.get(name);
            if (node != null && !contains(known, count, node)) {
                known[count++] = node;
            }
        }
        return Arrays.copyOf(known, count);
    }

    private int surplusHolder(int group) {
        int worst = NONE;
        for (int node : holders[group]) {
            if (worst == NONE || surplusOrder(node, worst) > 0) {
                worst = node;
            }
        }
        return worst;
    }

    /** Positive if {@code a} should lose its surplus copy before {@code b}: draining first, then fullest. */
    private int surplusOrder(int a, int b) {
        if (isDraining(a) != isDraining(b)) {
            return isDraining(a) ? 1 : -1;
        }
        return Double.compare(fraction(a), fraction(b));
    }

    private static int[] without(int[] nodes, int node) {
        return Arrays.stream(nodes).filter(n -> n != node).toArray();
    }

    int nodeCount() {
        return nodes.length;
    }

    int groupCount() {
        return groupNames.length;
    }

    Node node(int i) {
        return nodes[i];
    }

    boolean isDraining(int node) {
        return nodes[node].isDraining();
    }

    long capacity(int node) {
        return nodes[node].capacityBytes();
    }

    long used(int node) {
        return used[node];
    }

    long usedBefore(int node) {
        return usedBefore[node];
    }

    double fraction(int node) {
        return (double) used[node] / capacity(node);
    }

    /** The fraction the node would have with {@code delta} more bytes. */
    double fractionWith(int node, long delta) {
        return (double) (used[node] + delta) / capacity(node);
    }

    String groupName(int group) {
        return groupNames[group];
    }

    long bytes(int group) {
        return bytes[group];
    }

    int holderCount(int group) {
        return holders[group].length;
    }

    int originalHolderCount(int group) {
        return original[group].length;
    }

    /** Whether the plan already moves or adds a copy of the group. */
    boolean isChanged(int group) {
        return changed[group];
    }

    boolean holds(int node, int group) {
        return contains(holders[group], node);
    }

    List<String> holderNames(int group) {
        return Arrays.stream(holders[group]).mapToObj(i -> nodes[i].name()).toList();
    }

    /** Copies on {@code node} that may still move, by size. */
    NavigableSet<SizedGroup> movableGroups(int node) {
        return Collections.unmodifiableNavigableSet(movable.get(node));
    }

    /**
     * Whether {@code node} may take a copy of {@code group}: it is active and does not hold the group; nor did it
     * at the start, because a copy going back where one just left is two moves that cancel out.
     */
    boolean mayReceive(int node, int group) {
        return !isDraining(node) && !holds(node, group) && !contains(original[group], node);
    }

    /** Like {@link #mayReceive} but allows a node the group left: the last resort for emptying a draining node. */
    boolean mayReceiveBack(int node, int group) {
        return !isDraining(node) && !holds(node, group);
    }

    void move(int group, int from, int to) {
        if (!movable.get(from).remove(new SizedGroup(bytes[group], group))) {
            throw new IllegalStateException("copy of group " + groupNames[group] + " on " + nodes[from].name()
                    + " cannot move: it is not one the node had at the start");
        }
        int[] list = holders[group];
        for (int k = 0; k < list.length; k++) {
            if (list[k] == from) {
                list[k] = to;
            }
        }
        used[from] -= bytes[group];
        used[to] += bytes[group];
        changed[group] = true;
        moves.add(new Change(group, from, to));
    }

    void addReplica(int group, int to) {
        holders[group] = Arrays.copyOf(holders[group], holders[group].length + 1);
        holders[group][holders[group].length - 1] = to;
        used[to] += bytes[group];
        changed[group] = true;
        rereplications.add(new Change(group, NONE, to));
    }

    List<Change> moves() {
        return Collections.unmodifiableList(moves);
    }

    List<Change> rereplications() {
        return Collections.unmodifiableList(rereplications);
    }

    List<Change> removals() {
        return Collections.unmodifiableList(removals);
    }

    List<String> groupsWithoutCopy() {
        return Collections.unmodifiableList(groupsWithoutCopy);
    }

    private static boolean contains(int[] nodes, int node) {
        return contains(nodes, nodes.length, node);
    }

    private static boolean contains(int[] nodes, int count, int node) {
        for (int k = 0; k < count; k++) {
            if (nodes[k] == node) {
                return true;
            }
        }
        return false;
    }
}
