package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import org.imagestore.it.e2e.Indexer.Event;
import org.junit.jupiter.api.Test;

/** What the indexer gets on the {@code ImageMetadata} topic. */
class MetadataMessagesIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    @Test
    void oneStoredMessagePerUploadWithEveryField() {
        Source camera = http.newSource("jms-fields");
        byte[] photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        try (Indexer indexer = Indexer.forSources(camera)) {
            String id = Ftp.upload(camera, "/2020/06/08/IMG_20200608_111614.jpg", photo);
            Event event = indexer.expect();
            indexer.expectNoMore();

            Map<String, Object> row = Catalogue.uploadRows(camera).getFirst();
            JsonObject m = event.body();
            assertAll(
                    () -> assertTrue(event.persistent(), "persistent delivery"),
                    () -> assertEquals(camera.name(), event.property("source"), "JMS property source"),
                    () -> assertEquals("jpeg", event.property("format"), "JMS property format"),
                    () -> assertEquals(((Number) row.get("id")).longValue(), m.getJsonNumber("uploadId").longValue()),
                    () -> assertEquals("stored", m.getString("event")),
                    () -> assertEquals(id, m.getString("imageId")),
                    () -> assertEquals("/images/" + id, m.getString("url")),
                    () -> assertEquals(camera.name(), m.getString("source")),
                    () -> assertEquals("/2020/06/08", m.getString("ftpPath")),
                    () -> assertEquals("IMG_20200608_111614.jpg", m.getString("fileName")),
                    () -> assertEquals(photo.length, m.getJsonNumber("bytes").longValue()),
                    () -> assertEquals(800, m.getInt("width")),
                    () -> assertEquals(600, m.getInt("height")),
                    () -> assertEquals(1, m.getInt("orientation")),
                    () -> assertEquals("jpeg", m.getString("format")),
                    () -> assertTrue(m.getString("captureTime").startsWith("2020-06-08T11:16:13"), m::toString),
                    () -> assertEquals("Xiaomi", m.getJsonObject("camera").getString("make")),
                    () -> assertEquals("Mi A3", m.getJsonObject("camera").getString("model")),
                    () -> assertEquals(-15.8349490, m.getJsonObject("gps").getJsonNumber("latitude").doubleValue(), 1e-6),
                    () -> assertEquals(-48.0233560, m.getJsonObject("gps").getJsonNumber("longitude").doubleValue(), 1e-6),
                    () -> assertEquals(1104.871, m.getJsonObject("gps").getJsonNumber("altitude").doubleValue(), 1e-3),
                    () -> assertTrue(Math.abs(java.time.Duration.between(((Timestamp) row.get("received_at")).toInstant(),
                            Instant.parse(m.getString("receivedAt"))).toNanos()) < 1000, "receivedAt is the catalogue's, to the µs"),
                    () -> assertEquals(row.get("received_by"), m.getString("receivedBy")),
                    () -> assertFalse(m.getString("receivedBy").isBlank()));
        }
    }

    /**
     * The indexer and the query API must agree on when an upload was received: the indexer may use the time
     * to find the upload record again (the query API's {@code from}/{@code to}).
     */
    @Test
    void receivedAtInTheMessageIsExactlyTheCatalogueTime() {
        Source camera = http.newSource("jms-time");
        try (Indexer indexer = Indexer.forSources(camera)) {
            Ftp.upload(camera, "/t.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            String inMessage = indexer.expect().body().getString("receivedAt");
            String inQueryApi = http.uploadsOf(camera).getJsonObject(0).getString("receivedAt");
            assertEquals(Instant.parse(inQueryApi), Instant.parse(inMessage),
                    "receivedAt of the JMS message vs GET /images?source=");
        }
    }

    @Test
    void messageOfAPortraitPhotoWithoutCameraOrGps() {
        Source camera = http.newSource("jms-portrait");
        byte[] photo = Photos.uniquePhoto("orientation6-portrait.jpg");
        try (Indexer indexer = Indexer.forSources(camera)) {
            Ftp.upload(camera, "/p.jpg", photo);
            JsonObject m = indexer.expect().body();
            assertEquals(1800, m.getInt("width"));
            assertEquals(1200, m.getInt("height"));
            assertEquals(6, m.getInt("orientation"));
            assertTrue(!m.containsKey("camera") || m.isNull("camera"), m::toString);
            assertTrue(!m.containsKey("gps") || m.isNull("gps"), m::toString);
            assertTrue(!m.containsKey("captureTime") || m.isNull("captureTime"), m::toString);
            indexer.expectNoMore();
        }
    }

    @Test
    void pngFormatProperty() {
        Source camera = http.newSource("jms-png");
        try (Indexer indexer = Indexer.forSources(camera)) {
            Ftp.upload(camera, "/n.png", Photos.uniquePhoto("nikon-d700.png"));
            Event event = indexer.expect();
            assertEquals("png", event.property("format"));
            assertEquals("png", event.body().getString("format"));
            assertEquals("NIKON CORPORATION", event.body().getJsonObject("camera").getString("make"));
        }
    }

    @Test
    void aSelectorOnSourceGetsOnlyThatSourcesMessages() {
        Source mine = http.newSource("jms-mine");
        Source other = http.newSource("jms-other");
        try (Indexer onlyMine = Indexer.forSources(mine); Indexer both = Indexer.forSources(mine, other)) {
            String otherId = Ftp.upload(other, "/o.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            String mineId = Ftp.upload(mine, "/m.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));

            Event event = onlyMine.expect();
            assertEquals(mineId, event.body().getString("imageId"), "the other source's message is filtered out");
            assertEquals(mine.name(), event.property("source"));
            onlyMine.expectNoMore();

            Set<String> seen = new HashSet<>();
            seen.add(both.expect().body().getString("imageId"));
            seen.add(both.expect().body().getString("imageId"));
            assertEquals(Set.of(otherId, mineId), seen);
            both.expectNoMore();
        }
    }

    @Test
    void aDurableIndexerThatWasOfflineGetsEverythingWhenItReconnects() {
        Source camera = http.newSource("jms-offline");
        try (Indexer indexer = Indexer.forSources(camera)) {
            indexer.disconnect();
            List<String> uploaded = new ArrayList<>();
            uploaded.add(Ftp.upload(camera, "/1.jpg", Photos.uniquePhoto("canon-eos70d.jpg")));
            uploaded.add(Ftp.upload(camera, "/2.jpg", Photos.uniquePhoto("sony-nex3n-gps.jpg")));
            uploaded.add(Ftp.upload(camera, "/3.png", Photos.uniquePhoto("nikon-d700.png")));
            // all three are committed; wait until the relay has sent them all (outbox empty for them)
            awaitRelayed(camera);

            indexer.connect();
            List<String> received = new ArrayList<>();
            for (int i = 0; i < uploaded.size(); i++) {
                Event event = indexer.expect();
                assertEquals("stored", event.event());
                received.add(event.body().getString("imageId"));
            }
            assertEquals(uploaded, received, "every message, in upload order");
            indexer.expectNoMore();
        }
    }

    @Test
    void renamingAnAnnouncedUploadGivesRenamed() throws IOException {
        Source camera = http.newSource("jms-rename");
        byte[] photo = Photos.uniquePhoto("sony-nex3n-gps.jpg");
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                String id = ftp.upload("/a/x.jpg", photo);
                Event stored = indexer.expect();
                assertEquals("stored", stored.event());
                long uploadId = stored.body().getJsonNumber("uploadId").longValue();

                assertTrue(ftp.rename("/a/x.jpg", "/b/y.jpg"), ftp::lastReply);
                Event renamed = indexer.expect();
                assertAll(
                        () -> assertEquals("renamed", renamed.event()),
                        () -> assertEquals(uploadId, renamed.body().getJsonNumber("uploadId").longValue(), "same upload record"),
                        () -> assertEquals(id, renamed.body().getString("imageId")),
                        () -> assertEquals("/b", renamed.body().getString("ftpPath")),
                        () -> assertEquals("y.jpg", renamed.body().getString("fileName")),
                        () -> assertEquals("/a/x.jpg", renamed.body().getString("previousPath")),
                        () -> assertEquals(camera.name(), renamed.property("source")),
                        () -> assertTrue(renamed.persistent()));

                // renaming a folder renames what is in it
                assertTrue(ftp.rename("/b", "/c"), ftp::lastReply);
                Event moved = indexer.expect();
                assertEquals("renamed", moved.event());
                assertEquals("/c", moved.body().getString("ftpPath"));
                assertEquals("y.jpg", moved.body().getString("fileName"));
                assertEquals("/b/y.jpg", moved.body().getString("previousPath"));
                indexer.expectNoMore();
            }
        }
        assertEquals("/c/y.jpg", http.uploadsOf(camera).getJsonObject(0).getString("path"));
    }

    @Test
    void deletingAnAnnouncedUploadGivesRemoved() throws IOException {
        Source camera = http.newSource("jms-dele");
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                String id = ftp.upload("/d.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
                Event stored = indexer.expect();
                assertTrue(ftp.deleteFile("/d.jpg"), ftp::lastReply);
                assertEquals(250, ftp.getReplyCode(), ftp::lastReply);
                Event removed = indexer.expect();
                assertAll(
                        () -> assertEquals("removed", removed.event()),
                        () -> assertEquals(stored.body().getJsonNumber("uploadId").longValue(),
                                removed.body().getJsonNumber("uploadId").longValue()),
                        () -> assertEquals(id, removed.body().getString("imageId")),
                        () -> assertEquals("d.jpg", removed.body().getString("fileName")),
                        () -> assertFalse(removed.body().getString("reason", "").isBlank(), "a reason"),
                        () -> assertEquals(camera.name(), removed.property("source")));
                indexer.expectNoMore();
            }
        }
    }

    @Test
    void everyMessageCarriesItsOwnUploadId() {
        Source camera = http.newSource("jms-ids");
        try (Indexer indexer = Indexer.forSources(camera)) {
            Ftp.upload(camera, "/1.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            Ftp.upload(camera, "/2.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            long first = indexer.expect().body().getJsonNumber("uploadId").longValue();
            long second = indexer.expect().body().getJsonNumber("uploadId").longValue();
            assertNotEquals(first, second);
            indexer.expectNoMore();
        }
    }

    /** Waits until no outbox row of this source is left (they are deleted when sent to JMS). */
    static void awaitRelayed(Source camera) {
        for (int i = 0; i < 300 && Catalogue.count("select count(*) from outbox where source = ?", camera.name()) > 0; i++) {
            Pause.millis(200);
        }
        assertEquals(0, Catalogue.count("select count(*) from outbox where source = ?", camera.name()),
                "the outbox was relayed to JMS");
    }

    /**
     * Starting the relay after a commit must not fail: it once called a transactional EJB from the commit's
     * after-completion callback, which the container answered with an exception and three logged stack traces
     * per upload (the relay ran all the same, from the backstop or the next upload).
     */
    @Test
    void uploadsAndTheirMessagesLeaveNoErrorInTheLog() {
        Source camera = http.newSource("jms-quiet");
        String last = null;
        try (Indexer indexer = Indexer.forSources(camera)) {
            for (int i = 0; i < 3; i++) {
                last = Ftp.upload(camera, "/q" + i + ".jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
                indexer.expect();
            }
        }
        Pause.millis(2000); // the server log is written by its own thread
        String stored = "stored as image " + last;
        assertTrue(NodeControl.logOf(NodeAddress.NODE_1).anyMatch(line -> line.contains(stored)),
                "node-1's server log has the upload's line (else this test would look at nothing)");
        List<String> failures = NodeControl.logOf(NodeAddress.NODE_1)
                .filter(line -> line.contains("OutboxKick") || line.contains("invocation on EJB OutboxDrainer"))
                .toList();
        assertEquals(List.of(), failures, "errors of the relay's start in node-1's server log");
    }
}
