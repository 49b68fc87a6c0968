package org.imagestore.levelling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What levelling should do, and what it will achieve.
 *
 * @param requestedReplicas the replication factor asked for
 * @param replicasPerGroup  holders per group in the result: the factor asked for, or fewer when there are fewer
 *                          active nodes than that (see {@link #replicasReduced()})
 * @param meanFraction      the cluster mean used fraction after the plan: every group's bytes times
 *                          {@code replicasPerGroup}, over the capacity of the active nodes
 * @param targetHolders     every group's holders after the plan, in group name order; a moved holder keeps
 *                          its position in the list, new holders come last
 * @param moves             groups changing holder; a group's copy moves at most once (never A to B to C)
 * @param rereplications    copies added to groups that had fewer than {@code replicasPerGroup} holders
 * @param surplusRemovals   copies dropped from groups that had more holders than {@code replicasPerGroup}
 * @param nodes             every node before and after, by node name
 * @param lowerBoundBytes   bytes that any plan reaching the tolerance has to copy (moves plus re-replication),
 *                          counted from the map once surplus copies are dropped; compare {@link #bytesCopied()}
 * @param toleranceReached  every active node ends within the tolerance and every draining node ends empty
 * @param groupsWithoutCopy groups none of whose holders exist any more: they get holders for new uploads, but
 *                          there is nothing to copy (their bytes count as zero in this plan)
 * @param notes             why the plan falls short of the request, for operators; empty when it does not
 */
public record LevellingPlan(int requestedReplicas,
                            int replicasPerGroup,
                            double meanFraction,
                            double tolerance,
                            Map<String, List<String>> targetHolders,
                            List<Move> moves,
                            List<Rereplication> rereplications,
                            List<SurplusRemoval> surplusRemovals,
                            List<NodeForecast> nodes,
                            long lowerBoundBytes,
                            boolean toleranceReached,
                            List<String> groupsWithoutCopy,
                            List<String> notes) {

    public LevellingPlan {
        targetHolders = Collections.unmodifiableMap(new LinkedHashMap<>(targetHolders));
        moves = List.copyOf(moves);
        rereplications = List.copyOf(rereplications);
        surplusRemovals = List.copyOf(surplusRemovals);
        nodes = List.copyOf(nodes);
        groupsWithoutCopy = List.copyOf(groupsWithoutCopy);
        notes = List.copyOf(notes);
    }

    public boolean replicasReduced() {
        return replicasPerGroup < requestedReplicas;
    }

    /** Bytes copied by moves (each is later deleted from the old holder). */
    public long bytesMoved() {
        return moves.stream().mapToLong(Move::bytes).sum();
    }

    public long bytesRereplicated() {
        return rereplications.stream().mapToLong(Rereplication::bytes).sum();
    }

    /** All bytes the plan copies between nodes: what it costs, and what {@link #lowerBoundBytes()} bounds. */
    public long bytesCopied() {
        return bytesMoved() + bytesRereplicated();
    }

    /** Nothing to do: the map already is what the plan would make it. */
    public boolean changesNothing() {
        return moves.isEmpty() && rereplications.isEmpty() && surplusRemovals.isEmpty();
    }
}
