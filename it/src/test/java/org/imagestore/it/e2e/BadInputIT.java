package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Refusals.assertNothingKept;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.imagestore.it.e2e.Ftp.Stored;
import org.imagestore.it.e2e.Indexer.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What cameras get wrong, and what must then happen: a clear reply and no partial state (no upload record, no blob,
 * no metadata message, nothing left in staging). "No message" is checked with a sentinel: after the bad upload a
 * good one follows, and the first message the indexer gets must be the good one's (messages are relayed in order).
 */
class BadInputIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    @Test
    void wrongPasswordIs530() throws IOException {
        Source camera = http.newSource("bad-pw");
        try (Ftp ftp = Ftp.connect()) {
            assertFalse(ftp.login(camera.name(), camera.password() + "x"));
            assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
            assertFalse(ftp.changeWorkingDirectory("/"), "still not logged in");
        }
        try (Ftp unknown = Ftp.connect()) {
            assertFalse(unknown.login("nobody-" + Unique.hex(4), "whatever-password"));
            assertEquals(530, unknown.getReplyCode(), unknown::lastReply);
        }
        try (Ftp anonymous = Ftp.connect()) {
            assertFalse(anonymous.login("anonymous", "camera@example.org"));
            assertEquals(530, anonymous.getReplyCode(), anonymous::lastReply);
        }
    }

    @Test
    void textNamedJpgIsRefusedWithAReasonAndNothingKept() throws IOException {
        Source camera = http.newSource("bad-text");
        byte[] text = ("This is not a photograph, just text " + Unique.hex(8) + "\n").repeat(50)
                .getBytes(StandardCharsets.US_ASCII);
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                Stored refused = ftp.stor("/2026/x.jpg", text);
                assertFalse(refused.ok());
                assertEquals(550, refused.code(), refused.reply());
                assertTrue(refused.reply().toLowerCase().contains("not an image"), () -> "a reason: " + refused.reply());
                assertEquals(0, ftp.listNames("/2026") == null ? 0 : ftp.listNames("/2026").length,
                        "nothing under /2026");
            }
            assertNothingKept(camera, text);
            assertFirstMessageIsTheSentinel(camera, indexer);
        }
    }

    @Test
    void zeroBytesAreRefused() {
        Source camera = http.newSource("bad-empty");
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                Stored refused = ftp.stor("empty.jpg", new byte[0]);
                assertFalse(refused.ok());
                assertTrue(refused.code() >= 500 && refused.code() < 600, refused.reply());
                assertTrue(refused.reply().toLowerCase().contains("empty"), () -> "a reason: " + refused.reply());
            }
            assertEquals(List.of(), Catalogue.uploadRows(camera));
            Volumes.awaitStagingEmpty();
            assertFirstMessageIsTheSentinel(camera, indexer);
        }
    }

    @Test
    void truncatedJpegIsRefused() {
        Source camera = http.newSource("bad-trunc");
        byte[] photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        byte[] half = Arrays.copyOf(photo, photo.length / 2);
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                Stored refused = ftp.stor("half.jpg", half);
                assertFalse(refused.ok());
                assertEquals(550, refused.code(), refused.reply());
                assertTrue(refused.reply().toLowerCase().contains("truncated"), () -> "a reason: " + refused.reply());
            }
            assertNothingKept(camera, half);
            assertFalse(Files.exists(Volumes.blob(ImageId.of(photo))));
            assertFirstMessageIsTheSentinel(camera, indexer);
        }
    }

    /** The client dies half-way: control and data connections are reset without a proper end. */
    @Test
    void transferAbortedHalfWayLeavesNothing() throws IOException {
        abortHalfWay(true);
    }

    /**
     * The client dies half-way, its kernel closing the data connection with a FIN (which reads like a normal
     * end of file) and the control connection at the same moment.
     */
    @Test
    void transferCutShortWithAnOrderlyCloseLeavesNothing() throws IOException {
        abortHalfWay(false);
    }

    private void abortHalfWay(boolean reset) throws IOException {
        Source camera = http.newSource(reset ? "bad-abort-rst" : "bad-abort-fin");
        byte[] large = Photos.largeJpeg();
        try (Indexer indexer = Indexer.forSources(camera); Ftp ftp = Ftp.login(camera)) {
            Socket data = ftp.openStor("large.jpg");
            assertTrue(data != null, () -> "data connection for STOR: " + ftp.lastReply());
            OutputStream out = data.getOutputStream();
            int half = large.length / 2;
            for (int sent = 0; sent < half; sent += 64 * 1024) {
                out.write(large, sent, Math.min(64 * 1024, half - sent));
            }
            out.flush();
            // the server is receiving: its staging file has grown
            Volumes.awaitStagingFileOfAtLeast(256 * 1024);

            Socket control = ftp.controlSocket();
            if (reset) {
                control.setSoLinger(true, 0);
                data.setSoLinger(true, 0);
            }
            control.close();
            data.close();

            Volumes.awaitStagingEmpty();
            assertNothingKept(camera, large);
            assertFalse(Files.exists(Volumes.blob(ImageId.of(Arrays.copyOf(large, half)))));
            assertFirstMessageIsTheSentinel(camera, indexer);
        }
        // the server is fine: the same camera can upload the whole file now
        String id = Ftp.upload(camera, "large.jpg", large);
        assertArrayEquals(large, Files.readAllBytes(Volumes.blob(id)));
    }

    /**
     * While a camera's upload streams, another session of the same source makes a folder of that very name.
     * The upload must then be refused as a whole: no record, no image row, and no blob file left behind.
     */
    @Test
    void aFolderMadeUnderTheSameNameWhileTheUploadStreamsLeavesNothing() throws IOException {
        Source camera = http.newSource("race-folder");
        byte[] photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = ImageId.of(photo);
        try (Ftp uploading = Ftp.login(camera); Ftp other = Ftp.login(camera)) {
            Socket data = uploading.openStor("/race.jpg");
            assertTrue(data != null, uploading::lastReply);
            OutputStream out = data.getOutputStream();
            out.write(photo, 0, photo.length / 2);
            out.flush();
            assertTrue(other.makeDirectory("/race.jpg"), other::lastReply);
            out.write(photo, photo.length / 2, photo.length - photo.length / 2);
            out.flush();
            data.close();
            assertFalse(uploading.completePendingCommand(), () -> "the upload onto a folder: " + uploading.lastReply());
            assertTrue(uploading.getReplyCode() >= 400, uploading::lastReply);
        }
        assertEquals(List.of(), Catalogue.uploadRows(camera));
        assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id), "no image row");
        assertEquals(404, http.get("/images/" + id).statusCode());
        Volumes.awaitStagingEmpty();
        assertFalse(Files.exists(Volumes.blob(id)), "an orphan blob without catalogue rows: " + Volumes.blob(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"back\\slash.jpg", "tab\tname.jpg"})
    void namesWithControlCharactersOrBackslashesAreRefused(String name) {
        Source camera = http.newSource("bad-name");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        try (Ftp ftp = Ftp.login(camera)) {
            Stored refused = ftp.stor(name, photo);
            assertFalse(refused.ok());
            assertEquals(553, refused.code(), refused.reply());
        }
        assertNothingKept(camera, photo);
    }

    @Test
    void aNameLongerThan255CharactersIsRefused() {
        Source camera = http.newSource("long-name");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        try (Ftp ftp = Ftp.login(camera)) {
            Stored refused = ftp.stor("x".repeat(300) + ".jpg", photo);
            assertFalse(refused.ok());
            assertEquals(553, refused.code(), refused.reply());
        }
        assertNothingKept(camera, photo);
    }

    @Test
    void dotDotStaysInsideTheSourcesTree() throws IOException {
        Source camera = http.newSource("dotdot");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        try (Ftp ftp = Ftp.login(camera)) {
            assertTrue(ftp.changeWorkingDirectory("../../.."), ftp::lastReply);
            assertEquals("/", ftp.printWorkingDirectory());
            assertTrue(ftp.makeDirectory("inner"), ftp::lastReply);
            assertTrue(ftp.changeWorkingDirectory("inner"), ftp::lastReply);
            assertEquals("/inner", ftp.printWorkingDirectory());
            assertTrue(ftp.changeWorkingDirectory("../../../.."), ftp::lastReply);
            assertEquals("/", ftp.printWorkingDirectory());
            assertTrue(ftp.changeWorkingDirectory("/inner"), ftp::lastReply);

            String id = ftp.upload("../../../etc/evil.jpg", photo);

            // the name resolved inside the source's own tree: /etc/evil.jpg there, nowhere else
            assertTrue(Arrays.asList(ftp.listNames("/etc")).contains("evil.jpg"), "inside the source's own tree");
            Map<String, Object> row = Catalogue.uploadRows(camera).getFirst();
            assertEquals("/etc", row.get("folder"));
            assertEquals("evil.jpg", row.get("name"));
            assertEquals("/etc/evil.jpg", http.uploadsOf(camera).getJsonObject(0).getString("path"));

            // the bytes are in the nodes' volumes as the image's blob, and in no file the name could have led to
            List<Path> copies = Volumes.copies(id);
            assertEquals(2, copies.size(), () -> "a copy on each of two nodes: " + copies);
            for (Path blob : copies) {
                assertTrue(Volumes.ALL.stream().anyMatch(volume -> blob.startsWith(volume.resolve("blobs"))),
                        () -> "the blob is under a volume's blobs: " + blob);
                assertArrayEquals(photo, Files.readAllBytes(blob));
            }
            Volumes.awaitStagingEmpty();
            List<Path> strays = Volumes.storeFilesNamedOrHolding("evil.jpg", photo, copies);
            assertEquals(List.of(), strays, "files the traversal name led to, besides the copies " + copies);
            assertFalse(Files.exists(Path.of("/etc/evil.jpg")), "the host's /etc is untouched");

            // a folder of another source cannot be reached either: every source has its own root
            Source other = http.newSource("dotdot-other");
            Ftp.upload(other, "/secret/photo.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            assertFalse(ftp.changeWorkingDirectory("/../" + other.name() + "/secret"), ftp::lastReply);
            assertFalse(ftp.changeWorkingDirectory("/secret"), "the other source's folder is not in this tree");
        }
    }

    @Test
    void storOntoAFolderIsRefused() throws IOException {
        Source camera = http.newSource("onto-folder");
        try (Ftp ftp = Ftp.login(camera)) {
            assertTrue(ftp.makeDirectory("/dir.jpg"), ftp::lastReply);
            byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
            Stored refused = ftp.stor("/dir.jpg", photo);
            assertFalse(refused.ok());
            assertEquals(550, refused.code(), refused.reply());
            assertNothingKept(camera, photo);
        }
    }

    // -------------------------------------------------------------------------------------------- helpers

    /** Uploads a good photo; the first (and only) message must be about it. */
    private static void assertFirstMessageIsTheSentinel(Source camera, Indexer indexer) {
        String sentinel = Ftp.upload(camera, "/sentinel-" + Unique.hex(3) + ".jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        Event event = indexer.expect();
        assertEquals("stored", event.event());
        assertEquals(sentinel, event.body().getString("imageId"), () -> "the first message is not the sentinel's: " + event.body());
        indexer.expectNoMore();
    }

    /**
     * The store did everything and its listener returned normally, but the transaction rolled back at its end
     * (the fault point {@code commit-refused}, as when the database refuses the commit): the adapter learns it
     * from the transaction itself, replies 451, and nothing is kept.
     */
    @Test
    void anUploadWhoseTransactionRollsBackAtItsEndGetsNo226AndNothingKept() throws Exception {
        Source camera = http.newSource("bad-commit");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        String id = ImageId.of(photo);
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                Stored refused = ftp.stor("/fault-commit-refused-1.jpg", photo);
                assertFalse(refused.ok());
                assertEquals(451, refused.code(), refused.reply());
                assertTrue(refused.reply().contains("could not commit"), () -> "a reason: " + refused.reply());
            }
            Volumes.awaitNoCopy(id, java.time.Duration.ofSeconds(30));
            assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id));
            assertEquals(List.of(), Catalogue.uploadRows(camera));
            assertFirstMessageIsTheSentinel(camera, indexer);
        }
    }

    /**
     * A client that disconnects while its upload is being stored (here: held by the fault point
     * {@code blob-moved} after its copies are written) got no 226, so nothing is kept: the store asks whether
     * the client still waits as the last step before its commit.
     */
    @Test
    void aClientThatDisconnectsBeforeItsUploadIsConfirmedGetsNothingKept() throws Exception {
        Source camera = http.newSource("bad-gone");
        byte[] photo = ClusterState.photoWhoseHolders("canon-eos70d.jpg", holders -> holders.contains("node-1"));
        String id = ImageId.of(photo);
        try (Indexer indexer = Indexer.forSources(camera)) {
            Ftp ftp = Ftp.login(camera);
            java.util.concurrent.CompletableFuture<?> stor = java.util.concurrent.CompletableFuture.runAsync(
                    () -> ftp.stor("/fault-blob-moved-gone.jpg", photo));
            long deadline = System.nanoTime() + 25_000_000_000L;
            while (!Files.isRegularFile(Volumes.blob(NodeAddress.NODE_1, id))) {
                assertTrue(System.nanoTime() < deadline, "the store never reached its copies");
                Pause.millis(100);
            }
            ftp.controlSocket().close(); // the client goes away while the store is held before its commit
            try {
                stor.get(90, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                // the session is gone
            }
            Volumes.awaitNoCopy(id, java.time.Duration.ofSeconds(90));
            assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id));
            assertEquals(List.of(), Catalogue.uploadRows(camera));
            indexer.expectNoMore();
        }
    }
}
