package org.imagestore.replication;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.NodeRegistry;
import org.imagestore.cluster.ThisNode;
import org.imagestore.ops.NodeReadings;
import org.imagestore.placement.GroupMaps;
import org.imagestore.placement.MapMaintenance;
import org.imagestore.volume.LocalVolumes;
import org.imagestore.volume.VolumeRecords;

/**
 * Brings this node into the cluster when it starts (the first node creates the cluster's settings and map),
 * and keeps its record and its copy of the group map current while it runs.
 */
@Singleton
@Startup
@DependsOn({"ClusterCaches", "VolumesOnStart"})
public class ClusterJoin {

    private static final Logger LOG = Logger.getLogger(ClusterJoin.class.getName());

    @Inject
    private Cluster cluster;
    @Inject
    private NodeRegistry registry;
    @Inject
    private ThisNode node;
    @Inject
    private NodeReadings readings;
    @Inject
    private MapMaintenance maintenance;
    @Inject
    private GroupMaps maps;
    @Inject
    private ClusterReport report;
    @Inject
    private LocalVolumes volumes;
    @Inject
    private VolumeRecords volumeRecords;

    // each step in its own transaction: the map's growth must see this node's record committed
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void join() {
        cluster.settings();
        register();
        cluster.refreshNodes();
        int changed = maintenance.grow(Set.of());
        maps.refresh();
        LOG.info(node.name() + " joined the cluster at " + node.internalUrl() + " (" + cluster.settings()
                + ", nodes up: " + cluster.members() + ", " + changed + " groups given new holders)");
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void heartbeat() {
        register();
        cluster.refreshNodes();
        maps.refresh();
        report.publishLoad();
    }

    private void register() {
        long capacity = readings.volumes().stream().mapToLong(NodeReadings.VolumeReading::capacityBytes).sum();
        long used = readings.volumes().stream().mapToLong(NodeReadings.VolumeReading::usedBytes).sum();
        registry.register(node.name(), node.address(), node.internalUrl(), capacity, used);
        volumeRecords.publish(node.name(), volumes.all());
    }
}
