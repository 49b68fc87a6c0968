package org.imagestore.replication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.time.Duration;
import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.NodeLoads;
import org.imagestore.cluster.NodeRecord;
import org.imagestore.cluster.NodeRegistry;
import org.imagestore.levelling.LevellingRuns;
import org.imagestore.ops.Metrics;
import org.imagestore.placement.GroupMap;
import org.imagestore.placement.GroupMaps;
import org.imagestore.volume.VolumeRecord;
import org.imagestore.volume.VolumeRecords;

/**
 * What {@code GET /admin/cluster} and {@code /admin/groups} show: every node with its state, capacity, groups
 * and load; the images short of copies on live nodes; each group's holders, images and bytes. Each node
 * publishes its own load (uploads and renders in flight) into the cluster's shared state with its heartbeat.
 */
@Stateless
public class ClusterReport {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Cluster cluster;
    @Inject
    private GroupMaps maps;
    @Inject
    private RepairWork repair;
    @Inject
    private NodeRegistry registry;
    @Inject
    private Metrics metrics;
    @Inject
    private LevellingRuns runs;
    @Inject
    private NodeLoads loads;
    @Inject
    private VolumeRecords volumeRecords;

    public record NodeStatus(String name, String address, String state, long capacityBytes, long usedBytes,
                             double usedFraction, int groups, int uploadsInFlight, int rendersInFlight,
                             List<VolumeStatus> volumes) {
    }

    /** A node's volume as the node last reported it; {@code draining}: being emptied onto its other volumes. */
    public record VolumeStatus(String id, String path, long capacityBytes, long usedBytes, double usedFraction,
                               boolean draining) {
    }

    public record RepairStatus(long groupsToCheck) {
    }

    /**
     * The levelling in progress or last done: what the plan moves and how far the copying got.
     *
     * @param state        {@code idle} (level, or nothing planned), {@code moving} (copies still to make), {@code off}
     * @param bytesToMove  bytes still to copy to new holders
     * @param bytesMoved   bytes of the last plan copied so far
     * @param etaSeconds   at the rate seen since the plan was applied; -1 when unknown
     */
    public record LevellingStatus(String state, boolean enabled, double tolerance, long plannedBytes,
                                  long lowerBoundBytes, long bytesToMove, long bytesMoved, long movesInFlight,
                                  long etaSeconds, boolean toleranceReached, Map<String, Double> targetFractions) {
    }

    /** @param coordinator the node that runs levelling and repair now (another takes over if it dies) */
    public record ClusterStatus(int replicas, int graceSeconds, String coordinator, List<NodeStatus> nodes,
                                long underReplicated, RepairStatus repair, LevellingStatus levelling) {
    }

    public record GroupStatus(String group, List<String> holders, long images, long bytes) {
    }

    /** Puts this node's load where every node reads it. */
    public void publishLoad() {
        loads.publish(cluster.self(), new NodeLoads.Load(metrics.uploadsInFlight(), metrics.rendersInFlight()));
    }

    public ClusterStatus cluster() {
        Set<String> live = cluster.members();
        GroupMap map = maps.current();
        Map<String, List<VolumeStatus>> volumes = volumeRecords.all().stream().collect(Collectors.groupingBy(
                VolumeRecord::node, Collectors.mapping(v -> new VolumeStatus(v.volume(), v.path(), v.capacityBytes(),
                        v.usedBytes(), v.usedFraction(), v.draining()), Collectors.toList())));
        List<NodeStatus> nodes = cluster.nodeRecords().stream().map(n -> {
            NodeLoads.Load load = loads.of(n.name());
            String state = !live.contains(n.name()) ? NodeRecord.DOWN
                    : n.state().equals(NodeRecord.DRAINING) ? NodeRecord.DRAINING : NodeRecord.UP;
            return new NodeStatus(n.name(), n.address(), state, n.capacityBytes(), n.usedBytes(), n.usedFraction(),
                    map.groupsOf(n.name()).size(), load.uploadsInFlight(), load.rendersInFlight(),
                    volumes.getOrDefault(n.name(), List.of()));
        }).toList();
        long marked = repair.markedGroupCount();
        return new ClusterStatus(cluster.settings().replicas(), registry.graceSeconds(), cluster.coordinatorName(),
                nodes, underReplicated(live), new RepairStatus(marked), levelling(marked));
    }

    /** Images with fewer copies on live nodes than R (or than there are live nodes, if fewer). */
    public long underReplicated(Set<String> live) {
        int wanted = Math.min(cluster.settings().replicas(), live.size());
        return ((Number) em.createNativeQuery("""
                        select count(*) from image i where (select count(*) from placement p
                            where p.image_id = i.id and p.node = any(string_to_array(?, ','))) < ?""")
                .setParameter(1, String.join(",", live)).setParameter(2, wanted).getSingleResult()).longValue();
    }

    private LevellingStatus levelling(long markedGroups) {
        NodeRegistry.LevellingSettings settings = registry.levellingSettings();
        Optional<LevellingRuns.Run> last = runs.latest();
        long toMove = markedGroups == 0 ? 0 : bytesStillToCopy();
        long planned = last.map(LevellingRuns.Run::plannedBytes).orElse(0L);
        long moved = Math.max(0, planned - toMove);
        long eta = -1;
        if (toMove > 0 && moved > 0 && last.isPresent()) {
            double seconds = Duration.between(last.get().startedAt(), Instant.now()).toMillis() / 1000.0;
            eta = Math.round(seconds * toMove / moved);
        }
        Map<String, Double> targets = new TreeMap<>();
        last.ifPresent(run -> run.targets().lines().map(line -> line.split("=", 2))
                .forEach(pair -> targets.put(pair[0], Double.parseDouble(pair[1]))));
        String state = toMove > 0 ? "moving" : settings.enabled() ? "idle" : "off";
        return new LevellingStatus(state, settings.enabled(), settings.tolerance(), planned,
                last.map(LevellingRuns.Run::lowerBoundBytes).orElse(0L), toMove, moved, markedGroups, eta,
                last.map(LevellingRuns.Run::toleranceReached).orElse(true), targets);
    }

    /** Bytes of the images in groups marked for repair that a holder of their group still lacks. */
    private long bytesStillToCopy() {
        return ((Number) em.createNativeQuery("""
                        select coalesce(sum(i.bytes), 0) from group_repair r
                        join group_holder h on h.grp = r.grp
                        join image i on i.id like r.grp || '%'
                        where not exists (select 1 from placement p where p.image_id = i.id and p.node = h.node)""")
                .getSingleResult()).longValue();
    }

    public List<GroupStatus> groups() {
        int chars = cluster.settings().groupChars();
        Map<String, long[]> contents = new HashMap<>();
        for (Object row : em.createNativeQuery(
                        "select left(grp, ?), sum(images), sum(bytes) from group_usage group by 1")
                .setParameter(1, chars).getResultList()) {
            Object[] r = (Object[]) row;
            contents.put((String) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        GroupMap map = maps.current();
        return GroupMap.allGroups(chars).stream().map(g -> {
            long[] c = contents.getOrDefault(g, new long[2]);
            return new GroupStatus(g, map.holdersOf(g), c[0], c[1]);
        }).toList();
    }

}
