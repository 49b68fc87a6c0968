package org.imagestore.web.ops;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.imagestore.cluster.ThisNode;
import org.imagestore.ops.Metrics;
import org.imagestore.publishing.OutboxRelay;
import org.imagestore.volume.LocalVolumes;

/** {@code GET /metrics}: Prometheus text format, version 0.0.4. */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("metrics")
public class MetricsResource {

    @Inject
    private Metrics metrics;
    @Inject
    private LocalVolumes volumes;
    @Inject
    private OutboxRelay outbox;
    @Inject
    private ThisNode node;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        PrometheusText text = new PrometheusText();
        String previousFamily = null;
        for (Map.Entry<String, Long> counter : metrics.snapshot().entrySet()) {
            String family = counter.getKey().split("\\{", 2)[0];
            if (!family.equals(previousFamily)) {
                text.type(family, "counter");
                previousFamily = family;
            }
            text.sample(counter.getKey(), counter.getValue());
        }
        text.type("imagestore_volume_capacity_bytes", "gauge");
        volumes.all().forEach(v -> text.sample(volume("imagestore_volume_capacity_bytes", v.id()), v.capacityBytes()));
        text.type("imagestore_volume_used_bytes", "gauge");
        volumes.all().forEach(v -> text.sample(volume("imagestore_volume_used_bytes", v.id()), v.usedBytes()));
        OutboxRelay.Backlog backlog = outbox.backlog();
        text.type("imagestore_outbox_messages", "gauge");
        text.sample("imagestore_outbox_messages", backlog.messages());
        text.type("imagestore_outbox_oldest_seconds", "gauge");
        text.sample("imagestore_outbox_oldest_seconds", backlog.oldestSeconds());
        return text.toString();
    }

    private String volume(String family, String volumeId) {
        return family + "{node=\"" + node.name() + "\",volume=\"" + volumeId + "\"}";
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
