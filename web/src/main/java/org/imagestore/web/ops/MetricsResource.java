package org.imagestore.web.ops;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.ThisNode;
import org.imagestore.ops.Metrics;
import org.imagestore.ops.NodeReadings;
import org.imagestore.ops.NodeReadings.VolumeReading;
import org.imagestore.publishing.OutboxRelay.Backlog;
import org.imagestore.replication.ClusterReport;

/**
 * {@code GET /metrics}: Prometheus text format, version 0.0.4. The node's gauges are read once per scrape: its
 * volumes and the outbox; the cluster's (images short of copies, levelling bytes left) only on the coordinator,
 * at most every 30 s, since they count over the whole catalogue: take them with {@code max} across nodes.
 */
// one instance for all requests: the gauges' values are the last scrape's
@ApplicationScoped
@Path("metrics")
public class MetricsResource {

    private static final Logger LOG = Logger.getLogger(MetricsResource.class.getName());
    private static final Duration CLUSTER_EVERY = Duration.ofSeconds(30);

    private record ClusterReading(long underReplicated, long levellingBytesToMove, long atNanos) {
    }

    @Inject
    private Metrics metrics;
    @Inject
    private NodeReadings readings;
    @Inject
    private ThisNode node;
    @Inject
    private Cluster cluster;
    @Inject
    private ClusterReport report;

    private MultiGauge volumeCapacity;
    private MultiGauge volumeUsed;
    private MultiGauge volumeFraction;
    // gauges that have no value at times (no catalogue, not the coordinator) are left out then, not NaN
    private MultiGauge outboxMessages;
    private MultiGauge outboxOldest;
    private MultiGauge underReplicated;
    private MultiGauge levellingBytes;
    private final AtomicReference<ClusterReading> clusterReading = new AtomicReference<>();

    @PostConstruct
    void register() {
        var registry = metrics.registry();
        volumeCapacity = MultiGauge.builder("imagestore.volume.capacity").baseUnit("bytes").register(registry);
        volumeUsed = MultiGauge.builder("imagestore.volume.used").baseUnit("bytes").register(registry);
        volumeFraction = MultiGauge.builder("imagestore.volume.used.fraction").register(registry);
        outboxMessages = MultiGauge.builder("imagestore.outbox.messages")
                .description("messages waiting to be relayed to JMS").register(registry);
        outboxOldest = MultiGauge.builder("imagestore.outbox.oldest").baseUnit("seconds")
                .description("age of the oldest message waiting").register(registry);
        underReplicated = MultiGauge.builder("imagestore.cluster.under.replicated.images")
                .description("images with fewer copies on live nodes than R (on the coordinator)").register(registry);
        levellingBytes = MultiGauge.builder("imagestore.levelling.remaining").baseUnit("bytes")
                .description("bytes levelling still has to copy (on the coordinator)").register(registry);
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        NodeReadings.Readings now = readings.take();
        volumeCapacity.register(rows(now.volumes(), VolumeReading::capacityBytes), true);
        volumeUsed.register(rows(now.volumes(), VolumeReading::usedBytes), true);
        volumeFraction.register(rows(now.volumes(), VolumeReading::usedFraction), true);
        Optional<Backlog> backlog = now.outbox();
        outboxMessages.register(single(backlog.map(Backlog::messages)), true);
        outboxOldest.register(single(backlog.map(Backlog::oldestSeconds)), true);
        Optional<ClusterReading> clusterNow = readCluster();
        underReplicated.register(single(clusterNow.map(ClusterReading::underReplicated)), true);
        levellingBytes.register(single(clusterNow.map(ClusterReading::levellingBytesToMove)), true);
        return metrics.registry().scrape();
    }

    private List<MultiGauge.Row<?>> rows(List<VolumeReading> volumes, ToDoubleFunction<VolumeReading> value) {
        return volumes.stream().<MultiGauge.Row<?>>map(v -> MultiGauge.Row.of(
                Tags.of("node", node.name(), "volume", v.id()), value.applyAsDouble(v))).toList();
    }

    private static List<MultiGauge.Row<?>> single(Optional<? extends Number> value) {
        return value.<List<MultiGauge.Row<?>>>map(v -> List.of(MultiGauge.Row.of(Tags.empty(), v))).orElse(List.of());
    }

    private Optional<ClusterReading> readCluster() {
        ClusterReading last = clusterReading.get();
        if (!cluster.coordinator()) {
            clusterReading.set(null);
            return Optional.empty();
        }
        if (last != null && System.nanoTime() - last.atNanos() < CLUSTER_EVERY.toNanos()) {
            return Optional.of(last);
        }
        try {
            ClusterReport.ClusterStatus status = report.cluster();
            ClusterReading reading = new ClusterReading(status.underReplicated(), status.levelling().bytesToMove(),
                    System.nanoTime());
            clusterReading.set(reading);
            return Optional.of(reading);
        } catch (RuntimeException e) { // the catalogue is down: no value rather than a stale one
            LOG.log(Level.FINE, "cluster gauges unreadable", e);
            clusterReading.set(null);
            return Optional.empty();
        }
    }
}
