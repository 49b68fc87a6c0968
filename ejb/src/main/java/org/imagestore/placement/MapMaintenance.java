package org.imagestore.placement;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.NodeRecord;
import org.imagestore.cluster.NodeRegistry;

/**
 * Changes the group map when the cluster changes: built with the first node, extended when one joins (groups
 * that hold nothing are spread over the nodes freely; groups with fewer than R holders gain one), and a node down
 * for longer than the grace period given up (its groups get new holders, and the repair copies their images).
 */
@Stateless
public class MapMaintenance {

    private static final Logger LOG = Logger.getLogger(MapMaintenance.class.getName());

    @Inject
    private GroupMapStore store;
    @Inject
    private NodeRegistry registry;
    @Inject
    private Cluster cluster;

    /** @return how many groups changed holders */
    public int grow(Set<String> givenUp) {
        store.lockExclusive();
        int groupChars = cluster.settings().groupChars();
        List<String> groups = GroupMap.allGroups(groupChars);
        GroupMap current = store.load(groupChars);
        Set<String> withImages = store.groupsWithImages(groupChars);
        Set<String> empty = new HashSet<>(groups);
        empty.removeAll(withImages);
        Set<String> live = cluster.members();
        Map<String, Double> up = registry.all().stream()
                .filter(n -> live.contains(n.name()) && !givenUp.contains(n.name()) && n.up()
                        && !n.state().equals(NodeRecord.DRAINING))
                .collect(Collectors.toMap(NodeRecord::name, n -> Math.max(1.0, n.capacityBytes() / (double) (1L << 30))));
        if (up.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> changes = MapGrowth.grow(groups, current.holders(), empty, up, givenUp,
                cluster.settings().replicas());
        if (changes.isEmpty()) {
            return 0;
        }
        long version = store.replace(changes);
        Set<String> toRepair = changes.keySet().stream().filter(withImages::contains).collect(Collectors.toSet());
        store.markForRepair(toRepair);
        LOG.info("group map version " + version + ": " + changes.size() + " groups got new holders ("
                + toRepair.size() + " of them hold images and will be copied to their new holders); nodes up: "
                + up.keySet() + (givenUp.isEmpty() ? "" : "; given up: " + givenUp));
        return changes.size();
    }

    /**
     * Gives groups new holders (a levelling plan): the map changes at once, and the repair then copies each group
     * to its new holders and drops the old copies only once every new holder has its own, so no image ever has
     * fewer than R readable copies. Uploads commit on the new holders from now on.
     */
    public void applyHolders(Map<String, List<String>> changes, String why) {
        store.lockExclusive();
        long version = store.replace(changes);
        store.markForRepair(changes.keySet());
        LOG.info("group map version " + version + ": " + changes.size() + " groups get new holders (" + why + ")");
    }
}
