package org.imagestore.placement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.ClusterCaches;

/**
 * This node's copy of the group map, for reads (which node holds an image, from its id alone). The catalogue is
 * the map's source of truth; its latest version also sits in Infinispan's replicated state, so a node that sees
 * a new version number takes the map from there instead of the database. Checked every few seconds.
 */
@ApplicationScoped
public class GroupMaps {

    private static final Logger LOG = Logger.getLogger(GroupMaps.class.getName());
    private static final String KEY = "group-map";

    @EJB
    private ClusterCaches caches;
    @Inject
    private GroupMapStore store;
    @Inject
    private Cluster cluster;

    private volatile GroupMap current = GroupMap.empty();

    public GroupMap current() {
        return current;
    }

    /** Brings this node's copy up to the catalogue's version. */
    public GroupMap refresh() {
        long version = store.version();
        if (version == current.version() && version > 0) {
            return current;
        }
        GroupMap shared = decode(caches.clusterState().get(KEY));
        GroupMap map;
        if (shared != null && shared.version() == version) {
            map = shared;
        } else {
            map = store.load(cluster.settings().groupChars());
            caches.clusterState().put(KEY, encode(map));
        }
        if (map.version() != current.version()) {
            LOG.info("group map version " + map.version() + " (" + map.holders().size() + " groups)");
        }
        current = map;
        return map;
    }

    static byte[] encode(GroupMap map) {
        StringBuilder out = new StringBuilder(map.holders().size() * 24);
        out.append(map.version()).append(' ').append(map.groupChars()).append('\n');
        map.holders().forEach((group, nodes) -> out.append(group).append(' ').append(String.join(",", nodes)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static GroupMap decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        String[] head = lines[0].split(" ");
        Map<String, List<String>> holders = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] groupAndNodes = lines[i].split(" ", 2);
            holders.put(groupAndNodes[0], new ArrayList<>(Arrays.asList(groupAndNodes[1].split(","))));
        }
        return new GroupMap(Long.parseLong(head[0]), Integer.parseInt(head[1]), holders);
    }
}
