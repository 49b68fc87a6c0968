package org.imagestore.levelling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.NodeRecord;
import org.imagestore.cluster.NodeRegistry;
import org.imagestore.placement.GroupMap;
import org.imagestore.placement.GroupMapStore;
import org.imagestore.placement.MapMaintenance;

/**
 * Levels the cluster: one node (the view's coordinator) looks every 15 s, and when the cluster is settled (every
 * node up, no group waiting for repair) and a node's used fraction is off the mean by more than the tolerance
 * (a node joined, one is draining), applies to the group map the planner's moves that bring every node within
 * half the tolerance. The repair then does the
 * copying, throttled, and removes the old copies; the next plan waits until it is done, so no group moves twice
 * and a leader that dies leaves nothing to redo (the map and the catalogue say where everything goes).
 */
@Singleton
// made at deployment, not by its first timer: a singleton first made while the application stops breaks
// Payara's undeploy (ConcurrentModificationException in SingletonLifeCycleManager, seen in CI)
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Leveller {

    private static final Logger LOG = Logger.getLogger(Leveller.class.getName());

    @Inject
    private Cluster cluster;
    @Inject
    private NodeRegistry registry;
    @Inject
    private LevellingInputs inputs;
    @Inject
    private LevellingRuns runs;
    @Inject
    private MapMaintenance maintenance;
    @Inject
    private GroupMapStore map;

    private volatile boolean running;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        if (cluster.coordinator() && registry.levellingSettings().enabled()) {
            level("periodic check");
        }
    }

    /**
     * Plans and applies one round if the cluster is settled and not level.
     *
     * @return what happened, for the log and the admin API
     */
    public String level(String reason) {
        if (running) {
            return "a levelling round is already being planned";
        }
        running = true;
        try {
            Set<String> live = cluster.members();
            List<String> down = registry.all().stream().map(NodeRecord::name).filter(n -> !live.contains(n)).toList();
            if (!down.isEmpty()) {
                return "not levelling while nodes are down: " + down;
            }
            long waiting = map.groupsMarkedForRepair();
            if (waiting > 0) {
                return "not levelling yet: " + waiting + " groups are still being copied or repaired";
            }
            double tolerance = registry.levellingSettings().tolerance();
            LevellingInput input = inputs.read(live, tolerance);
            if (changes(LevellingPlanner.plan(input)).isEmpty()) {
                return "level: every node within " + tolerance * 100 + " points of the mean";
            }
            // a round levels to half the tolerance: the uploads that follow must move a node by half a band before
            // the next round, instead of tipping a node planned to the band's edge over it again at once
            LevellingPlan plan = LevellingPlanner.plan(
                    new LevellingInput(input.nodes(), input.groups(), input.replicas(), tolerance / 2));
            Map<String, List<String>> changes = changes(plan);
            maintenance.applyHolders(changes, "levelling, " + reason);
            runs.record(reason, plan);
            String summary = plan.moves().size() + " group copies move (" + plan.bytesCopied() + " bytes, lower bound "
                    + plan.lowerBoundBytes() + "); used fractions after: " + plan.nodes().stream()
                    .map(n -> n.node() + " " + Math.round(n.fractionAfter() * 1000) / 10.0 + "%")
                    .collect(Collectors.joining(", "));
            LOG.info("levelling (" + reason + "): " + summary);
            return summary;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "levelling round failed; the next check starts over", e);
            return "failed: " + e.getMessage();
        } finally {
            running = false;
        }
    }

    /** The groups whose holders the plan changes. */
    private Map<String, List<String>> changes(LevellingPlan plan) {
        GroupMap current = map.load(cluster.settings().groupChars());
        Map<String, List<String>> changes = new LinkedHashMap<>();
        plan.targetHolders().forEach((group, holders) -> {
            // the same holders in another order are no move
            if (!holders.isEmpty() && !Set.copyOf(holders).equals(Set.copyOf(current.holdersOf(group)))) {
                changes.put(group, holders);
            }
        });
        return changes;
    }
}
