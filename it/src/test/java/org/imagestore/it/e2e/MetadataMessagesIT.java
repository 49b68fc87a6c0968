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

import org.imagestore.it.e2e.Store.Event;
import org.imagestore.it.e2e.Store.Ftp;
import org.imagestore.it.e2e.Store.Source;
import org.imagestore.it.e2e.Store.Subscriber;
import org.junit.jupiter.api.Test;

/** What the indexer gets on the {@code ImageMetadata} topic. */
class MetadataMessagesIT {

    @Test
    void oneStoredMessagePerUploadWithEveryField() {
        Source camera = Store.newSource("jms-fields");
        byte[] photo = Store.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            String id = Store.upload(camera, "/2020/06/08/IMG_20200608_111614.jpg", photo);
            Event event = indexer.expect();
            indexer.expectNoMore();

            Map<String, Object> row = Store.uploadRows(camera).getFirst();
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
        Source camera = Store.newSource("jms-time");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Store.upload(camera, "/t.jpg", Store.uniquePhoto("canon-eos70d.jpg"));
            String inMessage = indexer.expect().body().getString("receivedAt");
            String inQueryApi = FtpSessionIT.items(camera).getJsonObject(0).getString("receivedAt");
            assertEquals(Instant.parse(inQueryApi), Instant.parse(inMessage),
                    "receivedAt of the JMS message vs GET /images?source=");
        }
    }

    @Test
    void messageOfAPortraitPhotoWithoutCameraOrGps() {
        Source camera = Store.newSource("jms-portrait");
        byte[] photo = Store.uniquePhoto("orientation6-portrait.jpg");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Store.upload(camera, "/p.jpg", photo);
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
        Source camera = Store.newSource("jms-png");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Store.upload(camera, "/n.png", Store.uniquePhoto("nikon-d700.png"));
            Event event = indexer.expect();
            assertEquals("png", event.property("format"));
            assertEquals("png", event.body().getString("format"));
            assertEquals("NIKON CORPORATION", event.body().getJsonObject("camera").getString("make"));
        }
    }

    @Test
    void aSelectorOnSourceGetsOnlyThatSourcesMessages() {
        Source mine = Store.newSource("jms-mine");
        Source other = Store.newSource("jms-other");
        try (Subscriber onlyMine = Subscriber.forSources(mine); Subscriber both = Subscriber.forSources(mine, other)) {
            String otherId = Store.upload(other, "/o.jpg", Store.uniquePhoto("canon-eos70d.jpg"));
            String mineId = Store.upload(mine, "/m.jpg", Store.uniquePhoto("canon-eos70d.jpg"));

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
    void aDurableSubscriberThatWasOfflineGetsEverythingWhenItReconnects() {
        Source camera = Store.newSource("jms-offline");
        Subscriber indexer = Subscriber.forSources(camera);
        try {
            indexer.disconnect();
            List<String> uploaded = new ArrayList<>();
            uploaded.add(Store.upload(camera, "/1.jpg", Store.uniquePhoto("canon-eos70d.jpg")));
            uploaded.add(Store.upload(camera, "/2.jpg", Store.uniquePhoto("sony-nex3n-gps.jpg")));
            uploaded.add(Store.upload(camera, "/3.png", Store.uniquePhoto("nikon-d700.png")));
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
        } finally {
            indexer.close();
        }
    }

    @Test
    void renamingAnAnnouncedUploadGivesRenamed() throws IOException {
        Source camera = Store.newSource("jms-rename");
        byte[] photo = Store.uniquePhoto("sony-nex3n-gps.jpg");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                String id = Store.upload(ftp, "/a/x.jpg", photo);
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
            } finally {
                Store.quit(ftp);
            }
        }
        assertEquals("/c/y.jpg", FtpSessionIT.items(camera).getJsonObject(0).getString("path"));
    }

    @Test
    void deletingAnAnnouncedUploadGivesRemoved() throws IOException {
        Source camera = Store.newSource("jms-dele");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                String id = Store.upload(ftp, "/d.jpg", Store.uniquePhoto("canon-eos70d.jpg"));
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
            } finally {
                Store.quit(ftp);
            }
        }
    }

    @Test
    void everyMessageCarriesItsOwnUploadId() {
        Source camera = Store.newSource("jms-ids");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Store.upload(camera, "/1.jpg", Store.uniquePhoto("canon-eos70d.jpg"));
            Store.upload(camera, "/2.jpg", Store.uniquePhoto("canon-eos70d.jpg"));
            long first = indexer.expect().body().getJsonNumber("uploadId").longValue();
            long second = indexer.expect().body().getJsonNumber("uploadId").longValue();
            assertNotEquals(first, second);
            indexer.expectNoMore();
        }
    }

    /** Waits until no outbox row of this source is left (they are deleted when sent to JMS). */
    static void awaitRelayed(Source camera) {
        for (int i = 0; i < 300 && Store.count("select count(*) from outbox where source = ?", camera.name()) > 0; i++) {
            Store.pause(200);
        }
        assertEquals(0, Store.count("select count(*) from outbox where source = ?", camera.name()),
                "the outbox was relayed to JMS");
    }
}
