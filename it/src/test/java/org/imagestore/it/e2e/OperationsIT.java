package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** {@code /health} for load balancers and {@code /metrics} for Prometheus. */
class OperationsIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    static final String STORED = "imagestore_uploads_total{outcome=\"stored\"}";
    static final String BYTES = "imagestore_upload_bytes_total";

    @Test
    void healthIsUp() {
        HttpResponse<String> response = http.admin("GET", "/health", null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject health = Responses.json(response.body());
        assertEquals("UP", health.getString("status"), response.body());
        assertFalse(health.getJsonArray("checks").isEmpty(), "the checks are listed");
        health.getJsonArray("checks").forEach(c -> assertFalse(c.asJsonObject().getString("status").equals("DOWN"), c::toString));
    }

    @Test
    void healthNeedsNoCredentialsAndTellsAnonymousCallersOnlyTheStatus() {
        HttpResponse<String> response = http.call(null, null, "GET", "/health", null);
        assertEquals(200, response.statusCode());
        JsonObject health = Responses.json(response.body());
        assertEquals("UP", health.getString("status"));
        assertFalse(health.containsKey("checks"), () -> "no checks for anonymous callers: " + response.body());
        assertFalse(response.body().contains(Volumes.VOLUME.toString()), "no volume paths");
    }

    @Test
    void metricsArePrometheusText() {
        HttpResponse<String> response = http.getText("/metrics");
        assertEquals(200, response.statusCode(), () -> "GET /metrics: " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                () -> "Content-Type: " + response.headers().firstValue("Content-Type"));
        String text = response.body();
        assertTrue(text.contains("# TYPE "), "TYPE comments");
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertTrue(line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*\\})? -?[0-9.eE+-]+|.* (NaN|\\+Inf|-Inf)"),
                    () -> "not a Prometheus sample: " + line);
        }
        assertTrue(text.contains("imagestore_volume_capacity_bytes"), text);
        assertTrue(text.contains("imagestore_outbox_messages"), text);
    }

    /**
     * Latencies are Prometheus histograms, the JVM's metrics are there, and every series the Grafana dashboard in
     * {@code config/grafana} queries is exposed by some node (the cluster's gauges by the coordinator only).
     */
    @Test
    void latenciesAreHistogramsAndTheDashboardQueriesOnlySeriesTheNodesExpose() throws Exception {
        Source camera = http.newSource("histograms");
        String id = Ftp.upload(camera, "/h.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        assertEquals(200, http.get("/images/" + id).statusCode());
        assertEquals(200, http.get("/images/" + id + "?w=" + (40 + Unique.hex(1).charAt(0) % 16)).statusCode());
        // the upload and the responses on node-1; the render on a node that holds the image: any of them
        Map<String, Double> all = new java.util.HashMap<>();
        for (NodeAddress node : NodeAddress.ALL) {
            new Http(node).metrics().forEach((series, value) -> all.merge(series, value, Double::sum));
        }
        for (String histogram : new String[] {"imagestore_upload_duration_seconds", "imagestore_render_duration_seconds",
                "imagestore_http_image_duration_seconds"}) {
            assertTrue(all.keySet().stream().anyMatch(series -> series.startsWith(histogram + "_bucket{")
                    && series.contains("le=\"+Inf\"")), () -> histogram + " has buckets: " + all.keySet());
            assertTrue(all.entrySet().stream().anyMatch(e -> e.getKey().startsWith(histogram + "_count")
                    && e.getValue() >= 1), () -> histogram + " counted something");
        }
        assertTrue(all.keySet().stream().anyMatch(series -> series.startsWith("jvm_memory_used_bytes{")), "JVM metrics");

        java.util.Set<String> exposed = new java.util.TreeSet<>();
        all.keySet().forEach(series -> exposed.add(series.replaceFirst("\\{.*", "")));
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("..", "config", "grafana",
                "imagestore-dashboard.json"));
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(imagestore|jvm|process)_[a-z_]+")
                .matcher(dashboard);
        int checked = 0;
        while (names.find()) {
            String name = names.group();
            assertTrue(exposed.contains(name), () -> "the dashboard queries " + name + ", which no node exposes");
            checked++;
        }
        assertTrue(checked >= 20, "the dashboard's queries were found: " + checked);
    }

    @Test
    void uploadCountersIncreaseAfterAnUpload() {
        Source camera = http.newSource("metrics");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        Map<String, Double> before = http.metrics();
        Ftp.upload(camera, "/m.jpg", photo);
        Map<String, Double> after = http.metrics();
        assertTrue(after.getOrDefault(STORED, 0.0) >= before.getOrDefault(STORED, 0.0) + 1,
                () -> STORED + ": " + before.get(STORED) + " -> " + after.get(STORED));
        assertTrue(after.getOrDefault(BYTES, 0.0) >= before.getOrDefault(BYTES, 0.0) + photo.length,
                () -> BYTES + ": " + before.get(BYTES) + " -> " + after.get(BYTES));
    }

    @Test
    void refusedUploadsAreCounted() {
        Source camera = http.newSource("metrics-refused");
        String refused = "imagestore_uploads_total{outcome=\"refused\",reason=\"not_an_image\"}";
        Map<String, Double> before = http.metrics();
        try (Ftp ftp = Ftp.login(camera)) {
            Ftp.Stored stored = ftp.stor("/x.jpg", "plain text, not a photo".getBytes());
            assertEquals(550, stored.code(), stored.reply());
        }
        Map<String, Double> after = http.metrics();
        assertTrue(after.getOrDefault(refused, 0.0) >= before.getOrDefault(refused, 0.0) + 1,
                () -> refused + ": " + before.get(refused) + " -> " + after.get(refused));
    }

    @Test
    void imageResponsesAreCounted() {
        Source camera = http.newSource("metrics-http");
        String id = Ftp.upload(camera, "/h.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        String served = "imagestore_http_image_responses_total{kind=\"original\",status=\"200\"}";
        Map<String, Double> before = http.metrics();
        assertEquals(200, http.get("/images/" + id).statusCode());
        Map<String, Double> after = http.metrics();
        assertTrue(after.getOrDefault(served, 0.0) >= before.getOrDefault(served, 0.0) + 1,
                () -> served + ": " + before.get(served) + " -> " + after.get(served));
    }
}
