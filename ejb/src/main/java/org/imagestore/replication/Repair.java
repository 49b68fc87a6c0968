package org.imagestore.replication;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.NodeRecord;
import org.imagestore.cluster.NodeRegistry;
import org.imagestore.image.ImageId;
import org.imagestore.placement.GroupMapStore;
import org.imagestore.placement.MapMaintenance;
import org.imagestore.support.CopyPace;

/**
 * Brings copies in line with the group map, run by one node (the cluster view's coordinator; another takes over
 * within seconds if it dies, and starts from what the catalogue says). Every few seconds it records which nodes
 * came and went, gives up on nodes down for longer than the grace period (their groups get new holders), and
 * works through the groups marked for repair: holders that lack a copy get one from a live copy, and copies on
 * nodes that are not holders (handoffs, copies of a node given up) are removed once every holder has its own.
 * A bounded number of copies per run, one at a time under a byte rate, keeps uploads and reads responsive.
 */
@Singleton
// made at deployment, not by its first timer: a singleton first made while the application stops breaks
// Payara's undeploy (ConcurrentModificationException in SingletonLifeCycleManager, seen in CI)
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Repair {

    private static final Logger LOG = Logger.getLogger(Repair.class.getName());
    private static final int PAGE = 500;

    @Inject
    private Cluster cluster;
    @Inject
    private NodeRegistry registry;
    @Inject
    private MapMaintenance maintenance;
    @Inject
    private GroupMapStore map;
    @Inject
    private RepairWork work;
    @Inject
    private NodeClient nodes;
    @Inject
    private ReplicaReceiver receiver;
    @Inject
    @ConfigProperty(name = "imagestore.repair.copies-per-run", defaultValue = "200")
    int copiesPerRun;
    @Inject
    @ConfigProperty(name = "imagestore.repair.max-mb-per-second", defaultValue = "50")
    double maxMegabytesPerSecond;

    private volatile boolean running;
    private CopyPace pace;

    @PostConstruct
    void createPace() {
        pace = new CopyPace(maxMegabytesPerSecond);
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        if (running || !cluster.coordinator()) {
            return;
        }
        running = true;
        try {
            Set<String> live = cluster.members();
            observe(live);
            giveUpOnLongDownNodes(live);
            repairMarkedGroups(live);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "repair run failed; the next one starts over from the catalogue", e);
        } finally {
            running = false;
        }
    }

    private void observe(Set<String> live) {
        List<String> changed = registry.observe(live);
        for (String node : changed) {
            LOG.info(node + (live.contains(node) ? " is back" : " is down") + "; its groups will be checked");
            work.markGroupsOf(node, cluster.settings().groupChars());
        }
        if (!changed.isEmpty()) {
            cluster.refreshNodes();
        }
    }

    private void giveUpOnLongDownNodes(Set<String> live) {
        int graceSeconds = registry.graceSeconds();
        Instant graceEnded = Instant.now().minusSeconds(graceSeconds);
        Set<String> givenUp = registry.all().stream()
                .filter(n -> n.state().equals(NodeRecord.DOWN) && !live.contains(n.name())
                        && n.stateSince().isBefore(graceEnded))
                .map(NodeRecord::name).collect(Collectors.toSet());
        if (!givenUp.isEmpty() && maintenance.grow(givenUp) > 0) {
            LOG.warning("nodes down for more than " + graceSeconds + " s: " + givenUp
                    + "; their groups have new holders, and their images are being copied there");
        }
    }

    private void repairMarkedGroups(Set<String> live) {
        int budget = copiesPerRun;
        for (String group : work.markedGroups(2048)) {
            if (budget <= 0) {
                return;
            }
            List<String> holders = map.holdersOf(group);
            if (!live.containsAll(holders)) {
                continue; // a holder is down: nothing to do until it is back, or given up and replaced
            }
            GroupResult result = repairGroup(group, holders, live, budget);
            budget -= result.copies();
            if (result.converged()) {
                work.unmark(group);
            }
        }
    }

    private record GroupResult(int copies, boolean converged) {
    }

    private GroupResult repairGroup(String group, List<String> holders, Set<String> live, int budget) {
        int copies = 0;
        boolean converged = holders.size() >= Math.min(cluster.settings().replicas(), live.size());
        String after = "";
        List<RepairWork.ImageCopies> page;
        do {
            page = work.copiesIn(group, after, PAGE);
            for (RepairWork.ImageCopies image : page) {
                after = image.id().value();
                if (copies >= budget) {
                    return new GroupResult(copies, false);
                }
                Set<String> placed = new HashSet<>(image.nodes());
                for (String holder : holders) {
                    if (placed.contains(holder)) {
                        continue;
                    }
                    copies++;
                    if (copyTo(holder, image.id(), placed, holders, live)) {
                        placed.add(holder);
                        pace.pace(image.bytes());
                    } else {
                        converged = false;
                    }
                }
                if (placed.containsAll(holders)) {
                    for (String surplus : placed) {
                        if (!holders.contains(surplus) && !dropSurplus(image.id(), surplus, holders, live)) {
                            converged = false; // the group stays marked: the next run looks again
                        }
                    }
                }
            }
        } while (page.size() == PAGE);
        return new GroupResult(copies, converged);
    }

    private boolean copyTo(String target, ImageId id, Set<String> placed, List<String> holders, Set<String> live) {
        // a live copy, preferably on a holder
        String source = placed.stream().filter(live::contains)
                .sorted((a, b) -> Boolean.compare(!holders.contains(a), !holders.contains(b)))
                .findFirst().orElse(null);
        if (source == null) {
            LOG.warning("image " + id + ": no live copy to copy to " + target + " from (copies on " + placed + ")");
            return false;
        }
        try {
            if (target.equals(cluster.self())) {
                receiver.pull(id, source);
            } else {
                nodes.pull(target, id, source);
            }
            return true;
        } catch (CopyFailedException e) {
            LOG.warning("image " + id + ": copy from " + source + " to " + target + " failed: " + e.getMessage());
            return false;
        }
    }

    private boolean dropSurplus(ImageId id, String node, List<String> holders, Set<String> live) {
        if (!work.dropSurplus(id, node, holders, "not a holder of its group; every holder has a copy")) {
            LOG.info("image " + id + ": surplus copy on " + node + " kept for now: not every holder of " + holders
                    + " has a recorded copy");
            return false;
        }
        LOG.info("image " + id + ": surplus copy on " + node + " dropped (holders " + holders + " have it)");
        if (live.contains(node)) {
            nodes.removeAsync(node, id);
        }
        return true;
    }
}
