package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.apache.commons.net.ftp.FTPFile;
import org.imagestore.it.e2e.Store.Event;
import org.imagestore.it.e2e.Store.Ftp;
import org.imagestore.it.e2e.Store.Source;
import org.imagestore.it.e2e.Store.Stored;
import org.imagestore.it.e2e.Store.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What cameras get wrong, and what must then happen: a clear reply and no partial state (no upload record, no blob,
 * no metadata message, nothing left in staging). "No message" is checked with a sentinel: after the bad upload a
 * good one follows, and the first message the indexer gets must be the good one's (messages are relayed in order).
 */
class BadInputIT {

    @Test
    void wrongPasswordIs530() throws IOException {
        Source camera = Store.newSource("bad-pw");
        Ftp ftp = Store.ftpConnect();
        try {
            assertFalse(ftp.login(camera.name(), camera.password() + "x"));
            assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
            assertFalse(ftp.changeWorkingDirectory("/"), "still not logged in");
        } finally {
            Store.quit(ftp);
        }
        Ftp unknown = Store.ftpConnect();
        try {
            assertFalse(unknown.login("nobody-" + Store.random(4), "whatever-password"));
            assertEquals(530, unknown.getReplyCode(), unknown::lastReply);
        } finally {
            Store.quit(unknown);
        }
        Ftp anonymous = Store.ftpConnect();
        try {
            assertFalse(anonymous.login("anonymous", "camera@example.org"));
            assertEquals(530, anonymous.getReplyCode(), anonymous::lastReply);
        } finally {
            Store.quit(anonymous);
        }
    }

    @Test
    void textNamedJpgIsRefusedWithAReasonAndNothingKept() {
        Source camera = Store.newSource("bad-text");
        byte[] text = ("This is not a photograph, just text " + Store.random(8) + "\n").repeat(50)
                .getBytes(StandardCharsets.US_ASCII);
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                Stored refused = Store.stor(ftp, "/2026/x.jpg", text);
                assertFalse(refused.ok());
                assertEquals(550, refused.code(), refused.reply());
                assertTrue(refused.reply().toLowerCase().contains("not an image"), () -> "a reason: " + refused.reply());
                assertEquals(0, ftp.listNames("/2026") == null ? 0 : ftp.listNames("/2026").length,
                        "nothing under /2026");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                Store.quit(ftp);
            }
            assertNothingKept(camera, text);
            assertFirstMessageIsTheSentinel(camera, indexer);
        }
    }

    /** A PNG named .jpg is a PNG: formats are judged by content, not by name. */
    @Test
    void theFormatIsJudgedByContentNotByName() {
        Source camera = Store.newSource("by-content");
        byte[] png = Store.uniquePhoto("nikon-d700.png");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            String id = Store.upload(camera, "/really-a-png.jpg", png);
            Event event = indexer.expect();
            assertEquals("png", event.body().getString("format"));
            assertEquals("png", event.property("format"));
            assertEquals("image/png", Store.get("/images/" + id).headers().firstValue("Content-Type").orElse(null));
        }
    }

    @Test
    void zeroBytesAreRefused() {
        Source camera = Store.newSource("bad-empty");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                Stored refused = Store.stor(ftp, "empty.jpg", new byte[0]);
                assertFalse(refused.ok());
                assertTrue(refused.code() >= 500 && refused.code() < 600, refused.reply());
                assertTrue(refused.reply().toLowerCase().contains("empty"), () -> "a reason: " + refused.reply());
            } finally {
                Store.quit(ftp);
            }
            assertEquals(List.of(), Store.uploadRows(camera));
            Store.awaitStagingEmpty();
            assertFirstMessageIsTheSentinel(camera, indexer);
        }
    }

    @Test
    void truncatedJpegIsRefused() {
        Source camera = Store.newSource("bad-trunc");
        byte[] photo = Store.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        byte[] half = Arrays.copyOf(photo, photo.length / 2);
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                Stored refused = Store.stor(ftp, "half.jpg", half);
                assertFalse(refused.ok());
                assertEquals(550, refused.code(), refused.reply());
                assertTrue(refused.reply().toLowerCase().contains("truncated"), () -> "a reason: " + refused.reply());
            } finally {
                Store.quit(ftp);
            }
            assertNothingKept(camera, half);
            assertFalse(Files.exists(Store.blob(Store.imageId(photo))));
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
        Source camera = Store.newSource(reset ? "bad-abort-rst" : "bad-abort-fin");
        byte[] large = largeJpeg();
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            Socket data = ftp.openStor("large.jpg");
            assertTrue(data != null, () -> "data connection for STOR: " + ftp.lastReply());
            OutputStream out = data.getOutputStream();
            int half = large.length / 2;
            for (int sent = 0; sent < half; sent += 64 * 1024) {
                out.write(large, sent, Math.min(64 * 1024, half - sent));
            }
            out.flush();
            // the server is receiving: its staging file has grown
            Store.awaitStagingFileOfAtLeast(256 * 1024);

            Socket control = ftp.controlSocket();
            if (reset) {
                control.setSoLinger(true, 0);
                data.setSoLinger(true, 0);
            }
            control.close();
            data.close();

            Store.awaitStagingEmpty();
            assertNothingKept(camera, large);
            assertFalse(Files.exists(Store.blob(Store.imageId(Arrays.copyOf(large, half)))));
            assertFirstMessageIsTheSentinel(camera, indexer);
        }
        // the server is fine: the same camera can upload the whole file now
        String id = Store.upload(camera, "large.jpg", large);
        assertArrayEquals(large, Files.readAllBytes(Store.blob(id)));
    }

    /**
     * While a camera's upload streams, another session of the same source makes a folder of that very name.
     * The upload must then be refused as a whole: no record, no image row, and no blob file left behind.
     */
    @Test
    void aFolderMadeUnderTheSameNameWhileTheUploadStreamsLeavesNothing() throws IOException {
        Source camera = Store.newSource("race-folder");
        byte[] photo = Store.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = Store.imageId(photo);
        Ftp uploading = Store.ftp(camera);
        Ftp other = Store.ftp(camera);
        try {
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
        } finally {
            Store.quit(uploading);
            Store.quit(other);
        }
        assertEquals(List.of(), Store.uploadRows(camera));
        assertEquals(0, Store.count("select count(*) from image where id = ?", id), "no image row");
        assertEquals(404, Store.get("/images/" + id).statusCode());
        Store.awaitStagingEmpty();
        assertFalse(Files.exists(Store.blob(id)), "an orphan blob without catalogue rows: " + Store.blob(id));
    }

    @Test
    void sameBytesUnderTwoNamesAreOneImageWithTwoUploads() throws IOException {
        Source camera = Store.newSource("dup");
        byte[] photo = Store.uniquePhoto("sony-nex3n-gps.jpg");
        String id;
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                id = Store.upload(ftp, "/a/one.jpg", photo);
                assertEquals(id, Store.upload(ftp, "/b/two.jpg", photo), "same bytes, same id");
            } finally {
                Store.quit(ftp);
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
        assertEquals(1, Store.count("select count(*) from image where id = ?", id));
        assertEquals(2, Store.count("select count(*) from upload where image_id = ?", id));
        assertEquals(1, Store.count("select count(*) from placement where image_id = ?", id));
        try (Stream<Path> group = Files.list(Store.blob(id).getParent())) {
            List<String> files = group.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id)).toList();
            assertEquals(List.of(id), files, "one blob file, no leftovers of the second copy");
        }
        JsonObject meta = Store.json(Store.getText("/images/" + id + "/meta").body());
        assertEquals(2, meta.getJsonArray("uploads").size(), meta::toString);
        assertEquals(1, meta.getJsonArray("replicas").size(), meta::toString);
        assertEquals(2, FtpSessionIT.items(camera).size());
    }

    /** Two cameras sending identical bytes at the same moment share one blob; both get 226. */
    @Test
    void identicalBytesFromSeveralCamerasAtOnce() throws Exception {
        byte[] photo = Store.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = Store.imageId(photo);
        List<Source> cameras = Stream.generate(() -> Store.newSource("same-time")).limit(4).toList();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(cameras.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cameras.size());
        try {
            List<java.util.concurrent.Future<Stored>> results = cameras.stream().map(camera -> pool.submit(() -> {
                Ftp ftp = Store.ftp(camera);
                try {
                    start.await();
                    return Store.stor(ftp, "/same.jpg", photo);
                } finally {
                    Store.quit(ftp);
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
        assertEquals(1, Store.count("select count(*) from image where id = ?", id));
        assertEquals(cameras.size(), Store.count("select count(*) from upload where image_id = ?", id));
        assertEquals(1, Store.count("select count(*) from placement where image_id = ?", id));
        try (Stream<Path> group = Files.list(Store.blob(id).getParent())) {
            assertEquals(List.of(id), group.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id)).toList());
        }
        assertArrayEquals(photo, Files.readAllBytes(Store.blob(id)));
        Store.awaitStagingEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"back\\slash.jpg", "tab\tname.jpg"})
    void namesWithControlCharactersOrBackslashesAreRefused(String name) {
        Source camera = Store.newSource("bad-name");
        byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
        Ftp ftp = Store.ftp(camera);
        try {
            Stored refused = Store.stor(ftp, name, photo);
            assertFalse(refused.ok());
            assertEquals(553, refused.code(), refused.reply());
        } finally {
            Store.quit(ftp);
        }
        assertNothingKept(camera, photo);
    }

    @Test
    void aNameLongerThan255CharactersIsRefused() {
        Source camera = Store.newSource("long-name");
        byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
        Ftp ftp = Store.ftp(camera);
        try {
            Stored refused = Store.stor(ftp, "x".repeat(300) + ".jpg", photo);
            assertFalse(refused.ok());
            assertEquals(553, refused.code(), refused.reply());
        } finally {
            Store.quit(ftp);
        }
        assertNothingKept(camera, photo);
    }

    @Test
    void dotDotStaysInsideTheSourcesTree() throws IOException {
        Source camera = Store.newSource("dotdot");
        byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
        Ftp ftp = Store.ftp(camera);
        try {
            assertTrue(ftp.changeWorkingDirectory("../../.."), ftp::lastReply);
            assertEquals("/", ftp.printWorkingDirectory());
            assertTrue(ftp.makeDirectory("inner"), ftp::lastReply);
            assertTrue(ftp.changeWorkingDirectory("inner"), ftp::lastReply);
            assertEquals("/inner", ftp.printWorkingDirectory());
            assertTrue(ftp.changeWorkingDirectory("../../../.."), ftp::lastReply);
            assertEquals("/", ftp.printWorkingDirectory());
            assertTrue(ftp.changeWorkingDirectory("/inner"), ftp::lastReply);

            String id = Store.upload(ftp, "../../../etc/evil.jpg", photo);
            assertTrue(Arrays.asList(ftp.listNames("/etc")).contains("evil.jpg"), "inside the source's own tree");
            Map<String, Object> row = Store.uploadRows(camera).getFirst();
            assertEquals("/etc", row.get("folder"));
            assertEquals("evil.jpg", row.get("name"));
            assertEquals("/etc/evil.jpg", FtpSessionIT.items(camera).getJsonObject(0).getString("path"));
            assertTrue(Files.isRegularFile(Store.blob(id)));
            assertFalse(Files.exists(Path.of("/etc/evil.jpg")), "nothing written outside the store");

            // a folder of another source cannot be reached either: every source has its own root
            Source other = Store.newSource("dotdot-other");
            Store.upload(other, "/secret/photo.jpg", Store.uniquePhoto("canon-eos70d.jpg"));
            assertFalse(ftp.changeWorkingDirectory("/../" + other.name() + "/secret"), ftp::lastReply);
            assertFalse(ftp.changeWorkingDirectory("/secret"), "the other source's folder is not in this tree");
        } finally {
            Store.quit(ftp);
        }
    }

    @Test
    void nonAsciiNameWithSpacesRoundTrips() throws IOException {
        Source camera = Store.newSource("unicode");
        byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
        String folder = "Fötos 2026";
        String name = "Ünïcødé Föto 1.jpg";
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                assertTrue(ftp.makeDirectory(folder), ftp::lastReply);
                assertTrue(ftp.changeWorkingDirectory(folder), ftp::lastReply);
                assertEquals("/" + folder, ftp.printWorkingDirectory());
                String id = Store.upload(ftp, name, photo);
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

                JsonObject item = FtpSessionIT.items(camera).getJsonObject(0);
                assertEquals(name, item.getString("fileName"));
                assertEquals("/" + folder + "/" + name, item.getString("path"));
                JsonArray uploads = Store.json(Store.getText("/images/" + id + "/meta").body()).getJsonArray("uploads");
                assertEquals("/" + folder + "/" + name, uploads.getJsonObject(0).getString("path"));
                assertEquals(name, Store.uploadRows(camera).getFirst().get("name"));

                assertTrue(ftp.rename(name, "Ñame ✓ 2.jpg"), ftp::lastReply);
                Event renamed = indexer.expect();
                assertEquals("Ñame ✓ 2.jpg", renamed.body().getString("fileName"));
                assertEquals("/" + folder + "/" + name, renamed.body().getString("previousPath"));
            } finally {
                Store.quit(ftp);
            }
        }
    }

    @Test
    void aDisabledSourceCannotLogInNorUploadInAnOpenSession() throws IOException {
        Source camera = Store.newSource("disabled");
        Ftp open = Store.ftp(camera);
        try {
            var response = Store.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":false}");
            assertEquals(200, response.statusCode(), response.body());

            Ftp ftp = Store.ftpConnect();
            try {
                assertFalse(ftp.login(camera.name(), camera.password()), "a disabled source logs in");
                assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
            } finally {
                Store.quit(ftp);
            }

            byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
            Stored refused = Store.stor(open, "late.jpg", photo);
            assertFalse(refused.ok(), "the session opened before the source was disabled stores nothing");
            assertTrue(refused.code() >= 500, refused.reply());
            assertNothingKept(camera, photo);
        } finally {
            Store.quit(open);
        }
        var enabled = Store.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":true}");
        assertEquals(200, enabled.statusCode(), enabled.body());
        Store.quit(Store.ftp(camera));
    }

    @Test
    void deleAndRmd() throws IOException {
        Source camera = Store.newSource("dele");
        byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
        Ftp ftp = Store.ftp(camera);
        try {
            String id = Store.upload(ftp, "/full/keep.jpg", photo);
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
            assertEquals(0, FtpSessionIT.items(camera).size(), "the query API after DELE");
            assertTrue(ftp.removeDirectory("/full"), () -> "RMD once empty: " + ftp.lastReply());

            // the upload record is kept as not current; the image itself stays (purging is explicit)
            JsonObject meta = Store.json(Store.getText("/images/" + id + "/meta").body());
            assertFalse(meta.getJsonArray("uploads").getJsonObject(0).getBoolean("current"), meta::toString);
            assertEquals(200, Store.get("/images/" + id).statusCode());
            assertTrue(Files.isRegularFile(Store.blob(id)));
        } finally {
            Store.quit(ftp);
        }
    }

    /** A file that is not there will not appear by retrying: 550 (RFC 959), not the transient 450. */
    @Test
    void deleOfAMissingFileIs550() throws IOException {
        Source camera = Store.newSource("dele-missing");
        Ftp ftp = Store.ftp(camera);
        try {
            assertFalse(ftp.deleteFile("/missing.jpg"), "DELE of a missing file");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
        } finally {
            Store.quit(ftp);
        }
    }

    /**
     * A folder with files in it stays non-empty however often the camera retries: a permanent (5xx) refusal
     * that says why, not a 4xx that invites retrying for ever.
     */
    @Test
    void rmdOfANonEmptyFolderIsAPermanentRefusalWithAReason() throws IOException {
        Source camera = Store.newSource("rmd");
        Ftp ftp = Store.ftp(camera);
        try {
            Store.upload(ftp, "/full/keep.jpg", Store.uniquePhoto("canon-eos70d.jpg"));
            assertTrue(ftp.makeDirectory("/parent/child"), ftp::lastReply);
            assertFalse(ftp.removeDirectory("/full"), "RMD of a folder with files");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
            assertTrue(ftp.lastReply().contains("not empty"), () -> "a reason: " + ftp.lastReply());
            assertFalse(ftp.removeDirectory("/parent"), "RMD of a folder with a folder");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
            assertEquals(List.of("child"), Arrays.asList(ftp.listNames("/parent")));
        } finally {
            Store.quit(ftp);
        }
    }

    @Test
    void anUploadOverAnExistingNameReplacesIt() throws IOException {
        Source camera = Store.newSource("replace");
        byte[] first = Store.uniquePhoto("canon-eos70d.jpg");
        byte[] second = Store.uniquePhoto("sony-nex3n-gps.jpg");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            String firstId;
            String secondId;
            try {
                firstId = Store.upload(ftp, "/same.jpg", first);
                secondId = Store.upload(ftp, "/same.jpg", second);
                FTPFile[] list = ftp.listFiles("/");
                assertEquals(1, list.length, () -> Arrays.toString(list));
                assertEquals(second.length, list[0].getSize());
                assertEquals(String.valueOf(second.length), ftp.getSize("/same.jpg"));
            } finally {
                Store.quit(ftp);
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
            JsonArray items = FtpSessionIT.items(camera);
            assertEquals(1, items.size(), items::toString);
            assertEquals(secondId, items.getJsonObject(0).getString("imageId"));
            assertEquals(200, Store.get("/images/" + firstId).statusCode(), "the replaced image stays readable");
        }
    }

    @Test
    void storOntoAFolderIsRefused() throws IOException {
        Source camera = Store.newSource("onto-folder");
        Ftp ftp = Store.ftp(camera);
        try {
            assertTrue(ftp.makeDirectory("/dir.jpg"), ftp::lastReply);
            byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
            Stored refused = Store.stor(ftp, "/dir.jpg", photo);
            assertFalse(refused.ok());
            assertEquals(550, refused.code(), refused.reply());
            assertNothingKept(camera, photo);
        } finally {
            Store.quit(ftp);
        }
    }

    // -------------------------------------------------------------------------------------------- helpers

    /** No upload record of the source, no blob of these bytes, no staging leftovers. */
    static void assertNothingKept(Source camera, byte[] bytes) {
        assertEquals(List.of(), Store.uploadRows(camera), "upload records of " + camera.name());
        String id = Store.imageId(bytes);
        assertFalse(Files.exists(Store.blob(id)), "a blob of the refused bytes: " + Store.blob(id));
        assertEquals(0, Store.count("select count(*) from image where id = ?", id), "an image row of the refused bytes");
        Store.awaitStagingEmpty();
        assertEquals(404, Store.get("/images/" + id).statusCode(), "the refused bytes are not served");
    }

    /** Uploads a good photo; the first (and only) message must be about it. */
    static void assertFirstMessageIsTheSentinel(Source camera, Subscriber indexer) {
        String sentinel = Store.upload(camera, "/sentinel-" + Store.random(3) + ".jpg", Store.uniquePhoto("canon-eos70d.jpg"));
        Event event = indexer.expect();
        assertEquals("stored", event.event());
        assertEquals(sentinel, event.body().getString("imageId"), () -> "the first message is not the sentinel's: " + event.body());
        indexer.expectNoMore();
    }

    /** A few megabytes of noise as a valid JPEG, different on every call. */
    static byte[] largeJpeg() throws IOException {
        Random random = new Random();
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        assertTrue(jpeg.length > 2_000_000, "a large file: " + jpeg.length);
        return jpeg;
    }
}
