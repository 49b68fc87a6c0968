package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.apache.commons.net.ftp.FTPFile;
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

    /** A PNG named .jpg is a PNG: formats are judged by content, not by name. */
    @Test
    void theFormatIsJudgedByContentNotByName() {
        Source camera = http.newSource("by-content");
        byte[] png = Photos.uniquePhoto("nikon-d700.png");
        try (Indexer indexer = Indexer.forSources(camera)) {
            String id = Ftp.upload(camera, "/really-a-png.jpg", png);
            Event event = indexer.expect();
            assertEquals("png", event.body().getString("format"));
            assertEquals("png", event.property("format"));
            assertEquals("image/png", http.get("/images/" + id).headers().firstValue("Content-Type").orElse(null));
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

    @Test
    void sameBytesUnderTwoNamesAreOneImageWithTwoUploads() throws IOException {
        Source camera = http.newSource("dup");
        byte[] photo = Photos.uniquePhoto("sony-nex3n-gps.jpg");
        String id;
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                id = ftp.upload("/a/one.jpg", photo);
                assertEquals(id, ftp.upload("/b/two.jpg", photo), "same bytes, same id");
            }
            Event first = indexer.expect();
            Event second = indexer.expect();
            indexer.expectNoMore();
            assertEquals("stored", first.event());
            assertEquals("stored", second.event());
            assertEquals(id, first.body().getString("imageId"));
            assertEquals(id, second.body().getString("imageId"));
            assertEquals("one.jpg", first.body().getString("fileName"));
            assertEquals("two.jpg", second.body().getString("fileName"));
            assertNotEquals(first.body().getJsonNumber("uploadId").longValue(), second.body().getJsonNumber("uploadId").longValue());
        }
        assertEquals(1, Catalogue.count("select count(*) from image where id = ?", id));
        assertEquals(2, Catalogue.count("select count(*) from upload where image_id = ?", id));
        assertEquals(1, Catalogue.count("select count(*) from placement where image_id = ?", id));
        try (Stream<Path> group = Files.list(Volumes.blob(id).getParent())) {
            List<String> files = group.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id)).toList();
            assertEquals(List.of(id), files, "one blob file, no leftovers of the second copy");
        }
        JsonObject meta = Responses.json(http.getText("/images/" + id + "/meta").body());
        assertEquals(2, meta.getJsonArray("uploads").size(), meta::toString);
        assertEquals(1, meta.getJsonArray("replicas").size(), meta::toString);
        assertEquals(2, http.uploadsOf(camera).size());
    }

    /** Two cameras sending identical bytes at the same moment share one blob; both get 226. */
    @Test
    void identicalBytesFromSeveralCamerasAtOnce() throws Exception {
        byte[] photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = ImageId.of(photo);
        List<Source> cameras = Stream.generate(() -> http.newSource("same-time")).limit(4).toList();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(cameras.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cameras.size());
        try {
            List<java.util.concurrent.Future<Stored>> results = cameras.stream().map(camera -> pool.submit(() -> {
                try (Ftp ftp = Ftp.login(camera)) {
                    start.await();
                    return ftp.stor("/same.jpg", photo);
                }
            })).toList();
            for (java.util.concurrent.Future<Stored> result : results) {
                Stored stored = result.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(226, stored.code(), stored.reply());
                assertEquals(id, stored.imageId());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Catalogue.count("select count(*) from image where id = ?", id));
        assertEquals(cameras.size(), Catalogue.count("select count(*) from upload where image_id = ?", id));
        assertEquals(1, Catalogue.count("select count(*) from placement where image_id = ?", id));
        try (Stream<Path> group = Files.list(Volumes.blob(id).getParent())) {
            assertEquals(List.of(id), group.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id)).toList());
        }
        assertArrayEquals(photo, Files.readAllBytes(Volumes.blob(id)));
        Volumes.awaitStagingEmpty();
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
            assertTrue(Arrays.asList(ftp.listNames("/etc")).contains("evil.jpg"), "inside the source's own tree");
            Map<String, Object> row = Catalogue.uploadRows(camera).getFirst();
            assertEquals("/etc", row.get("folder"));
            assertEquals("evil.jpg", row.get("name"));
            assertEquals("/etc/evil.jpg", http.uploadsOf(camera).getJsonObject(0).getString("path"));
            assertTrue(Files.isRegularFile(Volumes.blob(id)));
            assertFalse(Files.exists(Path.of("/etc/evil.jpg")), "nothing written outside the store");

            // a folder of another source cannot be reached either: every source has its own root
            Source other = http.newSource("dotdot-other");
            Ftp.upload(other, "/secret/photo.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            assertFalse(ftp.changeWorkingDirectory("/../" + other.name() + "/secret"), ftp::lastReply);
            assertFalse(ftp.changeWorkingDirectory("/secret"), "the other source's folder is not in this tree");
        }
    }

    @Test
    void nonAsciiNameWithSpacesRoundTrips() throws IOException {
        Source camera = http.newSource("unicode");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        String folder = "Fötos 2026";
        String name = "Ünïcødé Föto 1.jpg";
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                assertTrue(ftp.makeDirectory(folder), ftp::lastReply);
                assertTrue(ftp.changeWorkingDirectory(folder), ftp::lastReply);
                assertEquals("/" + folder, ftp.printWorkingDirectory());
                String id = ftp.upload(name, photo);
                assertEquals(List.of(name), Arrays.asList(ftp.listNames()), "NLST");
                FTPFile[] list = ftp.listFiles();
                assertEquals(1, list.length);
                assertEquals(name, list[0].getName(), "LIST");
                assertEquals(name, ftp.mlistDir()[0].getName(), "MLSD");
                assertEquals(String.valueOf(photo.length), ftp.getSize(name));
                assertTrue(Arrays.asList(ftp.listNames("/")).contains(folder), "the folder in NLST /");

                Event event = indexer.expect();
                assertEquals(name, event.body().getString("fileName"));
                assertEquals("/" + folder, event.body().getString("ftpPath"));

                JsonObject item = http.uploadsOf(camera).getJsonObject(0);
                assertEquals(name, item.getString("fileName"));
                assertEquals("/" + folder + "/" + name, item.getString("path"));
                JsonArray uploads = Responses.json(http.getText("/images/" + id + "/meta").body()).getJsonArray("uploads");
                assertEquals("/" + folder + "/" + name, uploads.getJsonObject(0).getString("path"));
                assertEquals(name, Catalogue.uploadRows(camera).getFirst().get("name"));

                assertTrue(ftp.rename(name, "Ñame ✓ 2.jpg"), ftp::lastReply);
                Event renamed = indexer.expect();
                assertEquals("Ñame ✓ 2.jpg", renamed.body().getString("fileName"));
                assertEquals("/" + folder + "/" + name, renamed.body().getString("previousPath"));
            }
        }
    }

    @Test
    void aDisabledSourceCannotLogInNorUploadInAnOpenSession() throws IOException {
        Source camera = http.newSource("disabled");
        try (Ftp open = Ftp.login(camera)) {
            var response = http.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":false}");
            assertEquals(200, response.statusCode(), response.body());

            try (Ftp ftp = Ftp.connect()) {
                assertFalse(ftp.login(camera.name(), camera.password()), "a disabled source logs in");
                assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
            }

            byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
            Stored refused = open.stor("late.jpg", photo);
            assertFalse(refused.ok(), "the session opened before the source was disabled stores nothing");
            assertTrue(refused.code() >= 500, refused.reply());
            assertNothingKept(camera, photo);
        }
        var enabled = http.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":true}");
        assertEquals(200, enabled.statusCode(), enabled.body());
        Ftp.login(camera).close();
    }

    @Test
    void deleAndRmd() throws IOException {
        Source camera = http.newSource("dele");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        try (Ftp ftp = Ftp.login(camera)) {
            String id = ftp.upload("/full/keep.jpg", photo);
            assertTrue(ftp.makeDirectory("/empty"), ftp::lastReply);

            assertFalse(ftp.removeDirectory("/full"), "RMD of a folder with files");
            assertFalse(ftp.removeDirectory("/nowhere"), "RMD of a missing folder");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
            assertFalse(ftp.deleteFile("/full/missing.jpg"), "DELE of a missing file");
            assertTrue(ftp.getReplyCode() >= 400, ftp::lastReply);
            assertFalse(ftp.deleteFile("/empty"), "DELE of a folder");
            assertTrue(ftp.getReplyCode() >= 500, ftp::lastReply);

            assertTrue(ftp.removeDirectory("/empty"), ftp::lastReply);
            assertEquals(250, ftp.getReplyCode(), ftp::lastReply);
            assertFalse(Arrays.asList(ftp.listNames("/")).contains("empty"));

            assertTrue(ftp.deleteFile("/full/keep.jpg"), ftp::lastReply);
            assertEquals(250, ftp.getReplyCode(), ftp::lastReply);
            assertEquals(0, ftp.listFiles("/full").length, "LIST after DELE");
            assertEquals(0, http.uploadsOf(camera).size(), "the query API after DELE");
            assertTrue(ftp.removeDirectory("/full"), () -> "RMD once empty: " + ftp.lastReply());

            // the upload record is kept as not current; the image itself stays (purging is explicit)
            JsonObject meta = Responses.json(http.getText("/images/" + id + "/meta").body());
            assertFalse(meta.getJsonArray("uploads").getJsonObject(0).getBoolean("current"), meta::toString);
            assertEquals(200, http.get("/images/" + id).statusCode());
            assertTrue(Files.isRegularFile(Volumes.blob(id)));
        }
    }

    /** A file that is not there will not appear by retrying: 550 (RFC 959), not the transient 450. */
    @Test
    void deleOfAMissingFileIs550() throws IOException {
        Source camera = http.newSource("dele-missing");
        try (Ftp ftp = Ftp.login(camera)) {
            assertFalse(ftp.deleteFile("/missing.jpg"), "DELE of a missing file");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
        }
    }

    /**
     * A folder with files in it stays non-empty however often the camera retries: a permanent (5xx) refusal
     * that says why, not a 4xx that invites retrying for ever.
     */
    @Test
    void rmdOfANonEmptyFolderIsAPermanentRefusalWithAReason() throws IOException {
        Source camera = http.newSource("rmd");
        try (Ftp ftp = Ftp.login(camera)) {
            ftp.upload("/full/keep.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            assertTrue(ftp.makeDirectory("/parent/child"), ftp::lastReply);
            assertFalse(ftp.removeDirectory("/full"), "RMD of a folder with files");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
            assertTrue(ftp.lastReply().contains("not empty"), () -> "a reason: " + ftp.lastReply());
            assertFalse(ftp.removeDirectory("/parent"), "RMD of a folder with a folder");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
            assertEquals(List.of("child"), Arrays.asList(ftp.listNames("/parent")));
        }
    }

    @Test
    void anUploadOverAnExistingNameReplacesIt() throws IOException {
        Source camera = http.newSource("replace");
        byte[] first = Photos.uniquePhoto("canon-eos70d.jpg");
        byte[] second = Photos.uniquePhoto("sony-nex3n-gps.jpg");
        try (Indexer indexer = Indexer.forSources(camera)) {
            String firstId;
            String secondId;
            try (Ftp ftp = Ftp.login(camera)) {
                firstId = ftp.upload("/same.jpg", first);
                secondId = ftp.upload("/same.jpg", second);
                FTPFile[] list = ftp.listFiles("/");
                assertEquals(1, list.length, () -> Arrays.toString(list));
                assertEquals(second.length, list[0].getSize());
                assertEquals(String.valueOf(second.length), ftp.getSize("/same.jpg"));
            }
            Event stored1 = indexer.expect();
            Event removed = indexer.expect();
            Event stored2 = indexer.expect();
            indexer.expectNoMore();
            String f = firstId;
            String s = secondId;
            assertAll(
                    () -> assertEquals("stored", stored1.event()),
                    () -> assertEquals(f, stored1.body().getString("imageId")),
                    () -> assertEquals("removed", removed.event()),
                    () -> assertEquals(f, removed.body().getString("imageId")),
                    () -> assertEquals(stored1.body().getJsonNumber("uploadId"), removed.body().getJsonNumber("uploadId")),
                    () -> assertEquals("stored", stored2.event()),
                    () -> assertEquals(s, stored2.body().getString("imageId")),
                    () -> assertEquals("same.jpg", stored2.body().getString("fileName")));
            JsonArray items = http.uploadsOf(camera);
            assertEquals(1, items.size(), items::toString);
            assertEquals(secondId, items.getJsonObject(0).getString("imageId"));
            assertEquals(200, http.get("/images/" + firstId).statusCode(), "the replaced image stays readable");
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

    /** No upload record of the source, no blob of these bytes, no staging leftovers. */
    static void assertNothingKept(Source camera, byte[] bytes) {
        assertEquals(List.of(), Catalogue.uploadRows(camera), "upload records of " + camera.name());
        String id = ImageId.of(bytes);
        assertFalse(Files.exists(Volumes.blob(id)), "a blob of the refused bytes: " + Volumes.blob(id));
        assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id), "an image row of the refused bytes");
        Volumes.awaitStagingEmpty();
        assertEquals(404, http.get("/images/" + id).statusCode(), "the refused bytes are not served");
    }

    /** Uploads a good photo; the first (and only) message must be about it. */
    static void assertFirstMessageIsTheSentinel(Source camera, Indexer indexer) {
        String sentinel = Ftp.upload(camera, "/sentinel-" + Unique.hex(3) + ".jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        Event event = indexer.expect();
        assertEquals("stored", event.event());
        assertEquals(sentinel, event.body().getString("imageId"), () -> "the first message is not the sentinel's: " + event.body());
        indexer.expectNoMore();
    }

}
