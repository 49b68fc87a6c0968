package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.imagestore.it.e2e.Ftp.Stored;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The node dies (SIGKILL: no shutdown hook, no orderly close) or its volume fills up. What was acknowledged with
 * 226 must survive; what was not must leave nothing half-stored; the node must come back by itself.
 * Runs after the other end-to-end tests, because it kills the node they use.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeCrashIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    @AfterAll
    static void leaveTheNodeAsFound() {
        NodeControl.setProperty("imagestore.volumes", Volumes.VOLUME.toString());
        NodeControl.restart();
    }

    @Test
    @Order(1)
    void killedMidUploadTheUploadLeavesNothingAndWhatWasAcknowledgedStays() throws IOException {
        Source camera = http.newSource("crash-mid");
        byte[] before = Photos.uniquePhoto("canon-eos70d.jpg");
        byte[] large = Photos.largeJpeg();
        try (Indexer indexer = Indexer.forSources(camera)) {
            String acknowledged = Ftp.upload(camera, "/before.jpg", before);
            assertEquals(acknowledged, indexer.expect().body().getString("imageId"));

            Ftp ftp = Ftp.login(camera);
            Socket data = ftp.openStor("/large.jpg");
            assertTrue(data != null, ftp::lastReply);
            OutputStream out = data.getOutputStream();
            out.write(large, 0, large.length / 2);
            out.flush();
            Volumes.awaitStagingFileOfAtLeast(256 * 1024);

            NodeControl.kill();
            assertNoTransferComplete(ftp, data, large, large.length / 2);

            NodeControl.start();
            Volumes.awaitStagingEmpty();
            List<Map<String, Object>> rows = Catalogue.uploadRows(camera);
            assertEquals(1, rows.size(), () -> "only the acknowledged upload: " + rows);
            assertEquals(acknowledged, rows.get(0).get("image_id"));
            assertArrayEquals(before, http.get("/images/" + acknowledged).body(), "the acknowledged image, served after the crash");
            assertArrayEquals(before, Files.readAllBytes(Volumes.blob(acknowledged)));
            String cut = ImageId.of(large);
            assertEquals(0, Catalogue.count("select count(*) from image where id = ?", cut));
            assertFalse(Files.exists(Volumes.blob(cut)), "a blob of the upload cut off by the crash");
            indexer.expectNoMore();

            // the camera tries again, as it would without a 226, and the node takes it
            assertEquals(cut, Ftp.upload(camera, "/large.jpg", large));
            assertEquals(cut, indexer.expect().body().getString("imageId"));
        }
    }

    /**
     * Killed just as the last byte arrives, while the node stages, inspects and commits: whatever the moment,
     * a 226 means everything is there, and without one the catalogue, the blob and the messages agree with
     * each other (all of the image, announced once, or none of it).
     */
    @Test
    @Order(2)
    void killedAsTheUploadEndsCatalogueBlobAndMessagesAgree() throws IOException {
        Source camera = http.newSource("crash-end");
        byte[] photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = ImageId.of(photo);
        try (Indexer indexer = Indexer.forSources(camera)) {
            Ftp ftp = Ftp.login(camera);
            Socket data = ftp.openStor("/end.jpg");
            assertTrue(data != null, ftp::lastReply);
            data.getOutputStream().write(photo);
            data.close();
            // a different moment of the staging, inspection and commit on each run (a warm node stores a photo in ~17 ms, a freshly started one in hundreds)
            long delay = ThreadLocalRandom.current().nextLong(250);
            Pause.millis(delay);
            NodeControl.kill();
            Optional<Integer> reply = finalReply(ftp);
            System.out.println("killed " + delay + " ms after the last byte; final reply: " + reply);

            NodeControl.start();
            Volumes.awaitStagingEmpty();
            List<Map<String, Object>> rows = Catalogue.uploadRows(camera);
            boolean kept = !rows.isEmpty();
            System.out.println("after the restart the upload is " + (kept ? "kept" : "not kept"));
            if (reply.isPresent() && reply.get() == 226) {
                assertTrue(kept, "acknowledged with 226 but not in the catalogue after the crash");
            }
            if (kept) {
                assertEquals(1, rows.size(), rows::toString);
                assertEquals(id, rows.get(0).get("image_id"));
                assertArrayEquals(photo, Files.readAllBytes(Volumes.blob(id)), "the blob of a catalogued image");
                assertEquals(id, indexer.expect().body().getString("imageId"), "a kept upload is announced (after the restart)");
            } else {
                assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id), "an image row without an upload");
                assertFalse(Files.exists(Volumes.blob(id)), "a blob without catalogue rows");
            }
            indexer.expectNoMore();

            // the camera tries again: the same image, one current upload under that name
            assertEquals(id, Ftp.upload(camera, "/end.jpg", photo));
            long current = Catalogue.uploadRows(camera).stream().filter(r -> r.get("removed_at") == null).count();
            assertEquals(1, current);
            assertArrayEquals(photo, http.get("/images/" + id).body());
        }
    }

    /**
     * A volume near its configured capacity, counted after a restart from what the catalogue holds: what fits is
     * taken, what does not gets 452 with a reason and leaves nothing; reading goes on.
     */
    @Test
    @Order(3)
    void aFullVolumeRefusesUploadsWith452AndKeepsServing() throws IOException {
        Source camera = http.newSource("full");
        byte[] earlier = Photos.uniquePhoto("canon-eos70d.jpg");
        String earlierId = Ftp.upload(camera, "/earlier.jpg", earlier);
        long stored = Catalogue.count("""
                select coalesce(sum(i.bytes), 0) from placement p join image i on i.id = p.image_id
                where p.node = ?""", NodeControl.NODE);

        NodeControl.setProperty("imagestore.volumes", Volumes.VOLUME + "@" + (stored + (1 << 20)));
        NodeControl.restart();

        byte[] large = Photos.largeJpeg();
        assertTrue(large.length > 1 << 20, "the test needs an image larger than the room left");
        try (Indexer indexer = Indexer.forSources(camera)) {
            String fits = Ftp.upload(camera, "/fits.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            assertEquals(fits, indexer.expect().body().getString("imageId"));

            try (Ftp ftp = Ftp.login(camera)) {
                Stored refused = ftp.stor("/refused.jpg", large);
                assertFalse(refused.ok(), refused::reply);
                assertEquals(452, refused.code(), refused::reply);
                assertTrue(refused.reply().contains("full"), () -> "a reason: " + refused.reply());
            }
            String id = ImageId.of(large);
            assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id));
            assertFalse(Files.exists(Volumes.blob(id)));
            Volumes.awaitStagingEmpty();
            indexer.expectNoMore();
        }
        assertArrayEquals(earlier, http.get("/images/" + earlierId).body(), "a full node still serves what it holds");
        assertEquals(200, http.get("/images/" + earlierId + "?w=64").statusCode(), "and renders it");
    }

    /**
     * Finishes the transfer (which may fail, the node being gone) and reads the final reply; asserts it is
     * not 226.
     */
    private static void assertNoTransferComplete(Ftp ftp, Socket data, byte[] bytes, int from) {
        try (OutputStream out = data.getOutputStream()) {
            out.write(bytes, from, bytes.length - from);
        } catch (IOException expected) {
            // the node is gone
        }
        Optional<Integer> reply = finalReply(ftp);
        reply.ifPresent(code -> assertNotEquals(226, code, "226 from a node that was killed before it had the whole file"));
    }

    /** The reply that ends a STOR, if the connection delivers one before it goes down with the node. */
    private static Optional<Integer> finalReply(Ftp ftp) {
        try {
            ftp.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            ftp.completePendingCommand();
            return Optional.of(ftp.getReplyCode());
        } catch (IOException closed) {
            return Optional.empty();
        } finally {
            try {
                ftp.disconnect();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
