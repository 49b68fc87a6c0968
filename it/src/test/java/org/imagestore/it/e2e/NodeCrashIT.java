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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node dies (SIGKILL: no shutdown hook, no orderly close) or the nodes' volumes fill up. What was acknowledged
 * with 226 must survive; what was not must leave nothing half-stored on any node; the node must come back by
 * itself. Runs after the other end-to-end tests, because it kills the node they use.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeCrashIT {

    private static final Http http = new Http(NodeAddress.NODE_1);
    private static final NodeControl NODE_1 = NodeControl.of(NodeAddress.NODE_1);
    private static final NodeControl NODE_2 = NodeControl.of(NodeAddress.node(2));
    /** A copy written for a store that never committed is settled by its node's sweeper after 45 s (+ 15 s). */
    private static final Duration SWEEP = Duration.ofSeconds(120);

    /** No levelling while nodes come and go (it would move groups the assertions look at). */
    @BeforeAll
    static void noLevelling() {
        assertEquals(200, http.admin("PUT", "/admin/cluster", "{\"levelling\":false}").statusCode());
    }

    /** Whatever a test did, the next one starts with every node up. */
    @AfterEach
    void everyNodeUp() {
        NodeControl.startAnyThatIsNotHealthy();
    }

    @AfterAll
    static void leaveTheNodesAsFound() throws Exception {
        http.admin("PUT", "/admin/cluster", "{\"levelling\":true}");
        inParallel(() -> restartWithVolume(NODE_1, Volumes.spec(NODE_1.address())),
                () -> restartWithVolume(NODE_2, Volumes.spec(NODE_2.address())));
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

            NODE_1.kill();
            assertNoTransferComplete(ftp, data, large, large.length / 2);
            // the other nodes serve the acknowledged image while node-1 is down
            assertArrayEquals(before, new Http(NodeAddress.node(2)).get("/images/" + acknowledged).body());

            NODE_1.start();
            Volumes.awaitStagingEmpty();
            List<Map<String, Object>> rows = Catalogue.uploadRows(camera);
            assertEquals(1, rows.size(), () -> "only the acknowledged upload: " + rows);
            assertEquals(acknowledged, rows.get(0).get("image_id"));
            assertArrayEquals(before, http.get("/images/" + acknowledged).body(), "the acknowledged image, served after the crash");
            assertArrayEquals(before, Files.readAllBytes(Volumes.blob(acknowledged)));
            String cut = ImageId.of(large);
            assertEquals(0, Catalogue.count("select count(*) from image where id = ?", cut));
            Volumes.awaitNoCopy(cut, SWEEP);
            indexer.expectNoMore();

            // the camera tries again, as it would without a 226, and the node takes it
            assertEquals(cut, Ftp.upload(camera, "/large.jpg", large));
            assertEquals(cut, indexer.expect().body().getString("imageId"));
        }
    }

    /**
     * Killed exactly between moving the blob into place and committing (the fault point {@code blob-moved}
     * holds the store there): the blob is on node-1's volume and another holder has its copy, both marked
     * pending, nothing committed. After the restart both are gone, nothing is in the catalogue and nothing was
     * announced; the camera, having had no 226, sends again and the upload is stored.
     */
    @Test
    @Order(2)
    void killedBetweenTheBlobMoveAndTheCommitTheUploadLeavesNothingAnywhere() throws Exception {
        Source camera = http.newSource("crash-window");
        byte[] photo = ClusterState.photoWhoseHolders("canon-eos70d.jpg", holders -> holders.contains("node-1"));
        String id = ImageId.of(photo);
        String other = ClusterState.holdersOf(id.substring(0, 2)).stream().filter(n -> !n.equals("node-1")).findFirst().orElseThrow();
        try (Indexer indexer = Indexer.forSources(camera)) {
            Ftp ftp = Ftp.login(camera);
            CompletableFuture<Optional<Integer>> reply = CompletableFuture.supplyAsync(() -> {
                ftp.stor("/fault-blob-moved-1.jpg", photo);
                return Optional.of(ftp.getReplyCode());
            }).exceptionally(connectionLost -> Optional.empty());

            Volumes.awaitPendingCopy(NodeAddress.NODE_1, id);
            Volumes.awaitPendingCopy(NodeAddress.named(other), id);
            assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id), "not committed yet");

            NODE_1.kill();
            Optional<Integer> code = reply.get(60, TimeUnit.SECONDS);
            code.ifPresent(c -> assertNotEquals(226, c, "226 from a node killed before its commit"));

            NODE_1.start();
            assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id), "an image row");
            assertEquals(List.of(), Catalogue.uploadRows(camera), "upload rows");
            assertFalse(Files.exists(Volumes.blob(NodeAddress.NODE_1, id)), "node-1 removes its blob when it starts");
            Volumes.awaitNoCopy(id, SWEEP); // the other holder's sweeper removes its copy
            assertEquals(List.of(), Volumes.pendingMarks(id), "pending marks left");
            indexer.expectNoMore();

            assertEquals(id, Ftp.upload(camera, "/retry.jpg", photo));
            assertEquals(id, indexer.expect().body().getString("imageId"));
            assertEquals(2, Volumes.copies(id).size());
        }
    }

    /**
     * Killed just as the last byte arrives, while the node stages, inspects, copies and commits: whatever the
     * moment, a 226 means everything is there, and without one the catalogue, the copies and the messages agree
     * with each other (all of the image, announced once, or none of it). A sweep over random moments, beside the
     * deterministic test above.
     */
    @Test
    @Order(3)
    void killedAsTheUploadEndsCatalogueCopiesAndMessagesAgree() throws IOException {
        Source camera = http.newSource("crash-end");
        byte[] photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = ImageId.of(photo);
        try (Indexer indexer = Indexer.forSources(camera)) {
            Ftp ftp = Ftp.login(camera);
            Socket data = ftp.openStor("/end.jpg");
            assertTrue(data != null, ftp::lastReply);
            data.getOutputStream().write(photo);
            data.close();
            // a different moment of the staging, inspection, copies and commit on each run
            long delay = ThreadLocalRandom.current().nextLong(250);
            Pause.millis(delay);
            NODE_1.kill();
            Optional<Integer> reply = finalReply(ftp);
            System.out.println("killed " + delay + " ms after the last byte; final reply: " + reply);

            NODE_1.start();
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
                assertEquals(ClusterState.placements(id), java.util.Set.copyOf(Volumes.nodesWithCopies(id)));
                assertEquals(2, Volumes.copies(id).size(), "R copies of a catalogued image");
                assertArrayEquals(photo, Files.readAllBytes(Volumes.blob(id)), "the blob of a catalogued image");
                assertEquals(id, indexer.expect().body().getString("imageId"), "a kept upload is announced (after the restart)");
            } else {
                assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id), "an image row without an upload");
                Volumes.awaitNoCopy(id, SWEEP);
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
     * Volumes at their configured capacity, counted after a restart from what the catalogue holds: when fewer
     * than R nodes have room for an upload, it gets 452 with a reason and leaves nothing on any node; reading and
     * rendering go on.
     */
    @Test
    @Order(4)
    void whenFewerThanRNodesHaveRoomTheUploadGets452AndTheClusterKeepsServing() throws Exception {
        Source camera = http.newSource("full");
        byte[] earlier = Photos.uniquePhoto("canon-eos70d.jpg");
        String earlierId = Ftp.upload(camera, "/earlier.jpg", earlier);

        inParallel(() -> restartWithVolume(NODE_1, Volumes.of(NODE_1.address()) + "@" + (storedOn("node-1") + (1 << 20))),
                () -> restartWithVolume(NODE_2, Volumes.of(NODE_2.address()) + "@" + (storedOn("node-2") + (1 << 20))));

        byte[] large = Photos.largeJpeg();
        assertTrue(large.length > 1 << 20, "the test needs an image larger than the room left");
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                Ftp.Stored refused = ftp.stor("/refused.jpg", large);
                assertFalse(refused.ok(), refused::reply);
                assertEquals(452, refused.code(), refused::reply);
                assertTrue(refused.reply().contains("full"), () -> "a reason: " + refused.reply());
            }
            String id = ImageId.of(large);
            assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id));
            Volumes.awaitNoCopy(id, SWEEP);
            Volumes.awaitStagingEmpty();
            indexer.expectNoMore();
        }
        assertArrayEquals(earlier, http.get("/images/" + earlierId).body(), "a full node still serves what it holds");
        assertEquals(200, http.get("/images/" + earlierId + "?w=64").statusCode(), "and renders it");
    }

    private static long storedOn(String node) {
        return Catalogue.count("""
                select coalesce(sum(i.bytes), 0) from placement p join image i on i.id = p.image_id
                where p.node = ?""", node);
    }

    private static void restartWithVolume(NodeControl node, String volumes) {
        node.setProperty("imagestore.volumes", volumes);
        node.restart();
    }

    private static void inParallel(Runnable... actions) throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(actions.length);
        try {
            List<CompletableFuture<Void>> running = java.util.Arrays.stream(actions)
                    .map(action -> CompletableFuture.runAsync(action, threads)).toList();
            for (CompletableFuture<Void> action : running) {
                action.get(10, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdown();
        }
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
