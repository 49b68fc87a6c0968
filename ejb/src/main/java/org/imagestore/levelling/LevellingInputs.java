package org.imagestore.levelling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.NodeRecord;
import org.imagestore.cluster.NodeRegistry;
import org.imagestore.placement.GroupMap;
import org.imagestore.placement.GroupMapStore;

/** Reads what the planner needs from the catalogue: the nodes in service, every group's bytes and holders. */
@Stateless
public class LevellingInputs {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Cluster cluster;
    @Inject
    private NodeRegistry registry;
    @Inject
    private GroupMapStore map;

    /** @param live the nodes in the cluster's view; down nodes are left to the repair, not levelled around */
    public LevellingInput read(Set<String> live, double tolerance) {
        int chars = cluster.settings().groupChars();
        List<Node> nodes = registry.all().stream()
                .filter(n -> live.contains(n.name()) && n.capacityBytes() > 0)
                .map(n -> n.state().equals(NodeRecord.DRAINING) ? Node.draining(n.name(), n.capacityBytes())
                        : Node.active(n.name(), n.capacityBytes()))
                .toList();
        Map<String, Long> bytes = new HashMap<>();
        // the totals the catalogue keeps per group (V9__group_usage.sql): 4,096 rows, whatever the catalogue's size
        for (Object row : em.createNativeQuery("select left(grp, ?), sum(bytes) from group_usage group by 1")
                .setParameter(1, chars).getResultList()) {
            Object[] r = (Object[]) row;
            bytes.put((String) r[0], ((Number) r[1]).longValue());
        }
        GroupMap current = map.load(chars);
        List<Group> groups = GroupMap.allGroups(chars).stream()
                .map(g -> new Group(g, bytes.getOrDefault(g, 0L), current.holdersOf(g))).toList();
        return new LevellingInput(nodes, groups, Math.min(cluster.settings().replicas(), nodes.size()), tolerance);
    }
}
