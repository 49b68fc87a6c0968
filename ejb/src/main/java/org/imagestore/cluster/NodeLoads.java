package org.imagestore.cluster;

import java.nio.charset.StandardCharsets;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every node's load (uploads and renders in flight), as each node publishes its own into the cluster's replicated
 * state with its heartbeat: read locally, a few seconds old at most.
 */
@ApplicationScoped
public class NodeLoads {

    private static final String KEY = "load/";

    /** A node's load. */
    public record Load(int uploadsInFlight, int rendersInFlight) {
        static final Load UNKNOWN = new Load(0, 0);
    }

    @EJB
    private ClusterCaches caches;

    public void publish(String node, Load load) {
        caches.clusterState().put(KEY + node,
                (load.uploadsInFlight() + " " + load.rendersInFlight()).getBytes(StandardCharsets.US_ASCII));
    }

    public Load of(String node) {
        byte[] value = caches.clusterState().get(KEY + node);
        if (value == null) {
            return Load.UNKNOWN;
        }
        String[] parts = new String(value, StandardCharsets.US_ASCII).split(" ");
        return new Load(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
