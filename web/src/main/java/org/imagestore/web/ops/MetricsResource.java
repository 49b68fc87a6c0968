package org.imagestore.web.ops;

import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.imagestore.cluster.ThisNode;
import org.imagestore.ops.Metrics;
import org.imagestore.ops.NodeReadings;
import org.imagestore.ops.NodeReadings.VolumeReading;

/** {@code GET /metrics}: Prometheus text format, version 0.0.4: the counters, then the node's gauges. */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("metrics")
public class MetricsResource {

    @Inject
    private Metrics metrics;
    @Inject
    private NodeReadings readings;
    @Inject
    private ThisNode node;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        PrometheusText text = new PrometheusText();
        String previousFamily = null;
        for (Metrics.Sample sample : metrics.snapshot()) {
            if (!sample.family().equals(previousFamily)) {
                text.type(sample.family(), "counter");
                previousFamily = sample.family();
            }
            text.sample(sample.series(), sample.value());
        }
        NodeReadings.Readings now = readings.take();
        volumeGauge(text, now, "imagestore_volume_capacity_bytes", VolumeReading::capacityBytes);
        volumeGauge(text, now, "imagestore_volume_used_bytes", VolumeReading::usedBytes);
        now.outbox().ifPresent(backlog -> {
            text.type("imagestore_outbox_messages", "gauge");
            text.sample("imagestore_outbox_messages", backlog.messages());
            text.type("imagestore_outbox_oldest_seconds", "gauge");
            text.sample("imagestore_outbox_oldest_seconds", backlog.oldestSeconds());
        });
        return text.toString();
    }

    private void volumeGauge(PrometheusText text, NodeReadings.Readings now, String family,
                             ToLongFunction<VolumeReading> value) {
        text.type(family, "gauge");
        now.volumes().forEach(v -> text.sample(family + "{node=\"" + node.name() + "\",volume=\"" + v.id() + "\"}",
                value.applyAsLong(v)));
    }

    /** Accumulates the exposition text. */
    private static final class PrometheusText {
        private final StringBuilder out = new StringBuilder(4096);

        void type(String family, String type) {
            out.append("# TYPE ").append(family).append(' ').append(type).append('\n');
        }

        void sample(String series, Number value) {
            out.append(series).append(' ').append(value).append('\n');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
