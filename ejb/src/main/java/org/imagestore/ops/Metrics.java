package org.imagestore.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The store's counters. Counting is a {@link LongAdder} increment, cheap enough for the upload and image
 * paths; gauges (volumes, backlog) are read when {@code /metrics} is scraped.
 */
@ApplicationScoped
public class Metrics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    public void uploadStored(long bytes) {
        add("imagestore_uploads_total{outcome=\"stored\"}", 1);
        add("imagestore_upload_bytes_total", bytes);
    }

    public void uploadRefused(String reason) {
        add("imagestore_uploads_total{outcome=\"refused\",reason=\"" + reason + "\"}", 1);
    }

    public void imageServed(String kind, int status, long bytes) {
        add("imagestore_http_image_responses_total{kind=\"" + kind + "\",status=\"" + status + "\"}", 1);
        add("imagestore_http_image_bytes_total{kind=\"" + kind + "\"}", bytes);
    }

    public void count(String series) {
        add(series, 1);
    }

    public void add(String series, long amount) {
        counters.computeIfAbsent(series, k -> new LongAdder()).add(amount);
    }

    /** Current counter values by series (name with labels), sorted. */
    public Map<String, Long> snapshot() {
        Map<String, Long> values = new TreeMap<>();
        counters.forEach((series, adder) -> values.put(series, adder.sum()));
        return values;
    }
}
