package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Responses.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Alert rules (README, "Alerts"): an image rule fires once for each matching upload, on the {@code ImageAlerts}
 * topic and at its webhook (signed, retried); a silence rule fires once when its sources fall silent, and again
 * only after they sent something.
 */
class AlertsIT {

    private static final Http http = new Http(NodeAddress.NODE_1);
    private static final String SECRET = "alert-secret-" + Unique.hex(8);

    /**
     * The rule is made through node-1 and the uploads go to node-2 (when there is one), so that the rule reaches
     * the node that ingests without a restart. Uploads that miss one criterion each fire nothing.
     */
    @Test
    void aMatchingUploadFiresOnceOnTheTopicAndAtTheWebhookWhichIsRetriedAndANonMatchingOneNever() throws Exception {
        NodeAddress ingest = NodeAddress.ALL.size() > 1 ? NodeAddress.node(2) : NodeAddress.NODE_1;
        Source door = http.newSource("door");
        Source yard = http.newSource("yard");
        String rule = "door-canon-" + Unique.hex(4);
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(1);
                Indexer alerts = Indexer.forAlerts("rule = '" + rule + "'")) {
            HttpResponse<String> created = http.admin("POST", "/admin/alerts/rules", """
                    {"name": "%s", "match": {"source": "%s", "path": "/door/*", "cameraMake": "canon"},
                     "webhook": {"url": "%s", "secret": "%s"}}""".formatted(rule, door.name(), receiver.url(), SECRET));
            assertEquals(201, created.statusCode(), created::body);
            assertEquals(SECRET, Responses.json(created.body()).getJsonObject("webhook").getString("secret"));

            Ftp.upload(ingest, door, "/garden/a.jpg", Photos.uniquePhoto("canon-eos70d.jpg")); // path
            Ftp.upload(ingest, yard, "/door/b.jpg", Photos.uniquePhoto("canon-eos70d.jpg")); // source
            Ftp.upload(ingest, door, "/door/c.jpg", Photos.uniquePhoto("sony-nex3n-gps.jpg")); // camera
            String id = Ftp.upload(ingest, door, "/door/d.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));

            Indexer.Event alert = alerts.expect();
            JsonObject body = alert.body();
            assertEquals("alert", body.getString("event"));
            assertEquals(rule, body.getString("rule"));
            assertEquals("image", body.getString("kind"));
            JsonObject upload = body.getJsonObject("upload");
            assertEquals(id, upload.getString("imageId"));
            assertEquals("/images/" + id, upload.getString("url"));
            assertEquals(door.name(), upload.getString("source"));
            assertEquals("d.jpg", upload.getString("fileName"));
            assertTrue(body.getString("reason").contains("/door/d.jpg"), body::toString);
            assertEquals(rule, alert.property("rule"));
            assertEquals(door.name(), alert.property("source"));
            assertEquals("jpeg", alert.property("format"));
            assertTrue(alert.persistent(), "alerts are persistent messages");
            alerts.expectNoMore();

            long firing = body.getJsonNumber("firingId").longValue();
            List<WebhookReceiver.Call> calls = receiver.awaitCalls(2, Duration.ofSeconds(30));
            assertEquals(2, calls.size(), () -> "the first call failed with 500, the second is its retry: " + calls);
            for (int i = 0; i < 2; i++) {
                WebhookReceiver.Call call = calls.get(i);
                assertEquals(Long.toString(firing), call.header("X-Imagestore-Firing"));
                assertEquals(Integer.toString(i + 1), call.header("X-Imagestore-Attempt"));
                assertEquals(alert.message().getText(), call.body(), "the webhook gets the message's body");
                assertEquals(hmac(call.body()), call.header("X-Imagestore-Signature"));
            }

            // the receiver has answered; the store records that it delivered a moment later
            JsonObject listed = null;
            for (int i = 0; i < 50 && (listed == null || !listed.getJsonObject("webhook").containsKey("deliveredAt")); i++) {
                Pause.millis(i == 0 ? 0 : 200);
                JsonArray firings = Responses.jsonArray(http.admin("GET", "/admin/alerts/firings?rule=" + rule, null).body());
                assertEquals(1, firings.size(), firings::toString);
                listed = firings.getJsonObject(0);
            }
            assertEquals(firing, listed.getJsonNumber("id").longValue());
            assertEquals(id, listed.getString("imageId"));
            JsonObject webhook = listed.getJsonObject("webhook");
            JsonObject firingShown = listed;
            assertEquals(2, webhook.getInt("attempts"), firingShown::toString);
            assertTrue(webhook.containsKey("deliveredAt") && !webhook.containsKey("nextAttemptAt"), firingShown::toString);
            JsonObject shown = Responses.json(http.admin("GET", "/admin/alerts/rules/" + rule, null).body());
            assertEquals(1, shown.getInt("firings"), shown::toString);
            assertFalse(shown.getJsonObject("webhook").containsKey("secret"), "the secret is not shown again");
            assertTrue(new Http(ingest).metrics().getOrDefault("imagestore_alerts_fired_total{kind=\"image\"}", 0.0) >= 1,
                    "counted where it fired");

            HttpResponse<String> disabled = http.admin("PUT", "/admin/alerts/rules/" + rule, "{\"enabled\": false}");
            assertEquals(200, disabled.statusCode(), disabled::body);
            Ftp.upload(ingest, door, "/door/e.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            alerts.expectNoMore();
            assertEquals(2, receiver.calls().size(), "a disabled rule calls nobody");
        } finally {
            http.admin("DELETE", "/admin/alerts/rules/" + rule, null);
        }
    }

    @Test
    void aSilenceRuleFiresOnceAfterTheSilenceAndAgainOnlyAfterUploadsResume() {
        Source camera = http.newSource("quiet");
        String rule = "quiet-" + Unique.hex(4);
        Ftp.upload(camera, "/first.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        try (Indexer alerts = Indexer.forAlerts("rule = '" + rule + "'")) {
            HttpResponse<String> created = http.admin("POST", "/admin/alerts/rules", """
                    {"name": "%s", "kind": "silence", "sources": "%s", "silentFor": "PT3S"}"""
                    .formatted(rule, camera.name()));
            assertEquals(201, created.statusCode(), created::body);

            JsonObject first = alerts.next(Duration.ofSeconds(30)).orElseThrow(
                    () -> new AssertionError("no silence alert 30 s after a silence of 3 s began")).body();
            assertEquals("silence", first.getString("kind"));
            assertEquals(camera.name(), first.getJsonObject("silence").getString("sources"));
            assertEquals("PT3S", first.getJsonObject("silence").getString("silentFor"));
            Instant lastBefore = Instant.parse(first.getJsonObject("silence").getString("lastUploadAt"));
            assertFalse(first.containsKey("upload"), first::toString);

            Optional<Indexer.Event> again = alerts.next(Duration.ofSeconds(12));
            assertTrue(again.isEmpty(), () -> "the same silence fired again: " + again.get().body());
            assertNotNull(Responses.json(http.admin("GET", "/admin/alerts/rules/" + rule, null).body())
                    .getString("silentSince", null), "the rule shows that its sources are silent");

            Ftp.upload(camera, "/second.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            JsonObject second = alerts.next(Duration.ofSeconds(30)).orElseThrow(
                    () -> new AssertionError("no alert for the silence after the second upload")).body();
            assertNotEquals(first.getJsonNumber("firingId"), second.getJsonNumber("firingId"));
            Instant lastAfter = Instant.parse(second.getJsonObject("silence").getString("lastUploadAt"));
            assertTrue(lastAfter.isAfter(lastBefore), () -> "the second silence began with the second upload: " + second);
        } finally {
            http.admin("DELETE", "/admin/alerts/rules/" + rule, null);
        }
    }

    @Test
    void rulesThatCannotWorkAreRefusedByNameAndTheApiNeedsAnAdministrator() {
        String rule = "api-" + Unique.hex(4);
        assertEquals(401, http.call(null, null, "POST", "/admin/alerts/rules",
                "{\"name\": \"" + rule + "\", \"match\": {\"format\": \"png\"}}").statusCode());
        assertJsonError(post("{\"name\": \"" + rule + "\", \"match\": {\"format\": \"heic\"}}"), 400, "match.format");
        assertJsonError(post("{\"name\": \"" + rule + "\", \"match\": {}}"), 400, "match");
        assertJsonError(post("{\"name\": \"" + rule + "\", \"match\": {\"minWidth\": 9, \"maxWidth\": 3}}"), 400,
                "match.minWidth");
        assertJsonError(post("{\"name\": \"" + rule + "\", \"kind\": \"silence\", \"sources\": \"a\", \"silentFor\": \"soon\"}"),
                400, "silentFor");
        assertJsonError(post("{\"name\": \"" + rule + "\", \"kind\": \"loud\"}"), 400, "kind");
        assertJsonError(post("{\"name\": \"no spaces\", \"match\": {\"format\": \"png\"}}"), 400, "name");
        assertJsonError(post("{\"name\": \"" + rule + "\", \"match\": {\"format\": \"png\"}, \"webhook\": {\"url\": \"file:///etc/passwd\"}}"),
                400, "webhook.url");
        try {
            HttpResponse<String> created = post("{\"name\": \"" + rule + "\", \"match\": {\"format\": \"png\"},"
                    + " \"webhook\": {\"url\": \"https://alerts.example/hook\"}}");
            assertEquals(201, created.statusCode(), created::body);
            assertTrue(Responses.json(created.body()).getJsonObject("webhook").getString("secret").length() >= 32,
                    "a secret is generated and shown once");
            assertJsonError(post("{\"name\": \"" + rule + "\", \"match\": {\"format\": \"png\"}}"), 409, "name");
            HttpResponse<String> dropped = http.admin("PUT", "/admin/alerts/rules/" + rule, "{\"webhook\": {}}");
            assertEquals(200, dropped.statusCode(), dropped::body);
            assertFalse(Responses.json(dropped.body()).containsKey("webhook"), dropped::body);
        } finally {
            assertEquals(204, http.admin("DELETE", "/admin/alerts/rules/" + rule, null).statusCode());
        }
        assertJsonError(http.admin("GET", "/admin/alerts/rules/" + rule, null), 404, null);
        assertJsonError(http.admin("DELETE", "/admin/alerts/rules/" + rule, null), 404, null);
    }

    private static HttpResponse<String> post(String json) {
        return http.admin("POST", "/admin/alerts/rules", json);
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
