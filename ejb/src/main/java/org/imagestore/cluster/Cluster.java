package org.imagestore.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster as this node sees it: the settings the first node fixed, which nodes are in the view now, and
 * where each node is reached. Node records are cached and refreshed by the heartbeat; membership comes from
 * Infinispan's view, so a killed node counts as gone within seconds.
 */
@ApplicationScoped
public class Cluster {

    @EJB
    private ClusterCaches caches;
    @Inject
    private NodeRegistry registry;
    @Inject
    private ThisNode node;
    @Inject
    @ConfigProperty(name = "imagestore.replicas", defaultValue = "2")
    int configuredReplicas;
    @Inject
    @ConfigProperty(name = "imagestore.cluster.grace-seconds", defaultValue = "300")
    int configuredGraceSeconds;

    private volatile ClusterSettings settings;
    private volatile Map<String, NodeRecord> nodes = Map.of();

    public ClusterSettings settings() {
        ClusterSettings known = settings;
        if (known == null) {
            known = registry.settings(configuredReplicas, configuredGraceSeconds);
            settings = known;
        }
        return known;
    }

    /** The names of the nodes in the view now, this one included. */
    public Set<String> members() {
        return caches.members();
    }

    public boolean coordinator() {
        return caches.coordinator();
    }

    /** The node that runs the cluster-wide chores (levelling, repair) now. */
    public String coordinatorName() {
        return caches.coordinatorName();
    }

    /** R as it applies now: never more than the nodes that are up. */
    public int effectiveReplicas() {
        return Math.max(1, Math.min(settings().replicas(), members().size()));
    }

    /** Re-reads the node records (the heartbeat calls this). */
    public void refreshNodes() {
        nodes = registry.all().stream().collect(Collectors.toUnmodifiableMap(NodeRecord::name, Function.identity()));
    }

    public Optional<NodeRecord> nodeRecord(String name) {
        if (!nodes.containsKey(name)) {
            refreshNodes();
        }
        return Optional.ofNullable(nodes.get(name));
    }

    public List<NodeRecord> nodeRecords() {
        return nodes.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** Weights for rendezvous choices among the live nodes: their capacity in GiB (at least 1). */
    public Map<String, Double> liveWeights() {
        Set<String> live = members();
        return live.stream().collect(Collectors.toMap(Function.identity(), name -> Optional.ofNullable(nodes.get(name))
                .map(r -> Math.max(1.0, r.capacityBytes() / (double) (1L << 30))).orElse(1.0)));
    }

    public String self() {
        return node.name();
    }
}
