package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Responses.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.imagestore.it.e2e.Indexer.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An uploaded photo as HTTP users get it: the original, its caching and range behaviour, and its metadata. */
class ImageHttpIT {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Http http = new Http(NodeAddress.NODE_1);

    static Source camera;
    static byte[] photo;
    static String id;

    @BeforeAll
    static void upload() {
        camera = http.newSource("http");
        photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        id = Ftp.upload(camera, "/2020/06/08/IMG_20200608_111614.jpg", photo);
    }

    @Test
    void getServesTheIdenticalBytesAsAnImmutableResource() {
        HttpResponse<byte[]> response = http.get("/images/" + id);
        assertEquals(200, response.statusCode());
        assertArrayEquals(photo, response.body());
        assertAll(
                () -> assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(null)),
                () -> assertEquals("\"" + id + "\"", response.headers().firstValue("ETag").orElse(null),
                        "a strong ETag, the quoted image id"),
                () -> assertEquals(IMMUTABLE, response.headers().firstValue("Cache-Control").orElse(null)),
                () -> assertEquals(String.valueOf(photo.length), response.headers().firstValue("Content-Length").orElse(null)),
                () -> assertEquals("bytes", response.headers().firstValue("Accept-Ranges").orElse(null)));
    }

    @Test
    void headGivesTheHeadersWithoutTheBody() {
        HttpResponse<byte[]> response = http.head("/images/" + id);
        assertEquals(200, response.statusCode());
        assertEquals(0, response.body().length);
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("\"" + id + "\"", response.headers().firstValue("ETag").orElse(null));
        assertEquals(IMMUTABLE, response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(String.valueOf(photo.length), response.headers().firstValue("Content-Length").orElse(null));
    }

    @Test
    void ifNoneMatchWithTheEtagGives304() {
        HttpResponse<byte[]> response = http.get("/images/" + id, "If-None-Match", "\"" + id + "\"");
        assertEquals(304, response.statusCode());
        assertEquals(0, response.body().length);
        assertEquals("\"" + id + "\"", response.headers().firstValue("ETag").orElse(null));
        assertEquals(IMMUTABLE, response.headers().firstValue("Cache-Control").orElse(null));

        HttpResponse<byte[]> star = http.get("/images/" + id, "If-None-Match", "*");
        assertEquals(304, star.statusCode());

        HttpResponse<byte[]> other = http.get("/images/" + id, "If-None-Match", "\"something-else\"");
        assertEquals(200, other.statusCode());
        assertArrayEquals(photo, other.body());
    }

    @Test
    void rangeOfTheFirstHundredBytes() {
        HttpResponse<byte[]> response = http.get("/images/" + id, "Range", "bytes=0-99");
        assertEquals(206, response.statusCode());
        assertArrayEquals(Arrays.copyOfRange(photo, 0, 100), response.body());
        assertEquals("bytes 0-99/" + photo.length, response.headers().firstValue("Content-Range").orElse(null));
        assertEquals("100", response.headers().firstValue("Content-Length").orElse(null));
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("\"" + id + "\"", response.headers().firstValue("ETag").orElse(null));
    }

    @Test
    void rangeInTheMiddleAndOpenEnded() {
        HttpResponse<byte[]> middle = http.get("/images/" + id, "Range", "bytes=1000-1999");
        assertEquals(206, middle.statusCode());
        assertArrayEquals(Arrays.copyOfRange(photo, 1000, 2000), middle.body());
        assertEquals("bytes 1000-1999/" + photo.length, middle.headers().firstValue("Content-Range").orElse(null));

        int from = photo.length - 10;
        HttpResponse<byte[]> open = http.get("/images/" + id, "Range", "bytes=" + from + "-");
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(photo, from, photo.length), open.body());
        assertEquals("bytes " + from + "-" + (photo.length - 1) + "/" + photo.length,
                open.headers().firstValue("Content-Range").orElse(null));
    }

    @Test
    void suffixRangeGivesTheLastBytes() {
        HttpResponse<byte[]> response = http.get("/images/" + id, "Range", "bytes=-500");
        assertEquals(206, response.statusCode());
        assertArrayEquals(Arrays.copyOfRange(photo, photo.length - 500, photo.length), response.body());
        assertEquals("bytes " + (photo.length - 500) + "-" + (photo.length - 1) + "/" + photo.length,
                response.headers().firstValue("Content-Range").orElse(null));
    }

    @Test
    void ifRangeWithAnotherEtagGivesTheWholeImage() {
        HttpResponse<byte[]> same = http.get("/images/" + id, "Range", "bytes=0-9", "If-Range", "\"" + id + "\"");
        assertEquals(206, same.statusCode());
        assertEquals(10, same.body().length);
        HttpResponse<byte[]> other = http.get("/images/" + id, "Range", "bytes=0-9", "If-Range", "\"stale\"");
        assertEquals(200, other.statusCode());
        assertArrayEquals(photo, other.body());
    }

    @Test
    void unsatisfiableRangeGives416() {
        HttpResponse<byte[]> response = http.get("/images/" + id, "Range", "bytes=" + photo.length + "-");
        assertEquals(416, response.statusCode());
        assertEquals("bytes */" + photo.length, response.headers().firstValue("Content-Range").orElse(null));
    }

    @Test
    void unknownIdGives404Json() {
        String unknown = ImageId.of(("no such image " + Unique.hex(8)).getBytes());
        assertJsonError(http.get("/images/" + unknown), 404, null);
        assertJsonError(http.get("/images/" + unknown + "/meta"), 404, null);
        assertJsonError(http.get("/images/not-an-id"), 404, null);
        assertJsonError(http.get("/images/" + unknown + "?w=100"), 404, null);
    }

    @Test
    void metaDescribesTheRealPhoto() {
        HttpResponse<String> response = http.getText("/images/" + id + "/meta");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject meta = Responses.json(response.body());
        assertAll(
                () -> assertEquals(id, meta.getString("id")),
                () -> assertEquals("/images/" + id, meta.getString("url")),
                () -> assertEquals(photo.length, meta.getJsonNumber("bytes").longValue()),
                () -> assertEquals("jpeg", meta.getString("format")),
                () -> assertEquals("image/jpeg", meta.getString("mediaType")),
                () -> assertEquals(800, meta.getInt("width")),
                () -> assertEquals(600, meta.getInt("height")),
                () -> assertEquals(1, meta.getInt("orientation")),
                // DateTimeOriginal 2020:06:08 11:16:13, no offset recorded: a local time without offset
                () -> assertTrue(meta.getString("captureTime").startsWith("2020-06-08T11:16:13"), meta::toString),
                () -> assertFalse(meta.getString("captureTime").endsWith("Z"), "no offset was recorded: " + meta),
                () -> assertEquals("Xiaomi", meta.getJsonObject("camera").getString("make")),
                () -> assertEquals("Mi A3", meta.getJsonObject("camera").getString("model")),
                () -> assertEquals(-15.8349490, meta.getJsonObject("gps").getJsonNumber("latitude").doubleValue(), 1e-6),
                () -> assertEquals(-48.0233560, meta.getJsonObject("gps").getJsonNumber("longitude").doubleValue(), 1e-6),
                () -> assertEquals(1104.871, meta.getJsonObject("gps").getJsonNumber("altitude").doubleValue(), 1e-3));

        JsonArray uploads = meta.getJsonArray("uploads");
        assertEquals(1, uploads.size(), uploads::toString);
        JsonObject upload = uploads.getJsonObject(0);
        assertEquals(camera.name(), upload.getString("source"));
        assertEquals("/2020/06/08/IMG_20200608_111614.jpg", upload.getString("path"));
        assertTrue(upload.getBoolean("current"));
        Instant.parse(upload.getString("receivedAt"));
        assertFalse(upload.getString("receivedBy").isBlank());

        JsonArray replicas = meta.getJsonArray("replicas");
        assertEquals(2, replicas.size(), "R = 2 copies: " + replicas);
        assertNotEquals(replicas.getJsonObject(0).getString("node"), replicas.getJsonObject(1).getString("node"),
                "on distinct nodes");
        for (JsonObject replica : replicas.getValuesAs(JsonObject.class)) {
            assertFalse(replica.getString("volume").isBlank());
            assertTrue(java.nio.file.Files.isRegularFile(Volumes.blob(NodeAddress.named(replica.getString("node")), id)),
                    () -> "the copy is on " + replica.getString("node") + "'s volume");
        }
        assertArrayEquals(photo, readBlob());
    }

    @Test
    void metaOfAPhotoWithoutGpsOrCamera() {
        byte[] portrait = Photos.uniquePhoto("orientation6-portrait.jpg");
        String portraitId = Ftp.upload(camera, "/portrait.jpg", portrait);
        JsonObject meta = Responses.json(http.getText("/images/" + portraitId + "/meta").body());
        assertEquals(1800, meta.getInt("width"), "stored width, before orientation");
        assertEquals(1200, meta.getInt("height"));
        assertEquals(6, meta.getInt("orientation"));
        assertFalse(meta.containsKey("gps") && !meta.isNull("gps"), () -> "no GPS in this photo: " + meta);
        assertFalse(meta.containsKey("camera") && !meta.isNull("camera"), () -> "no camera in this photo: " + meta);
    }

    @Test
    void formatsOtherThanJpegGetTheirContentType() {
        byte[] png = Photos.uniquePhoto("nikon-d700.png");
        String pngId = Ftp.upload(camera, "/nikon.png", png);
        HttpResponse<byte[]> response = http.get("/images/" + pngId);
        assertEquals(200, response.statusCode());
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(null));
        assertArrayEquals(png, response.body());
        JsonObject meta = Responses.json(http.getText("/images/" + pngId + "/meta").body());
        assertEquals("png", meta.getString("format"));
        assertEquals(500, meta.getInt("width"));
        assertEquals("NIKON CORPORATION", meta.getJsonObject("camera").getString("make"));
        assertEquals("NIKON D700", meta.getJsonObject("camera").getString("model"));
        assertTrue(meta.getString("captureTime").startsWith("2018-03-31T10:01:03"), meta::toString);
    }

    /** A PNG named .jpg is a PNG: formats are judged by content, not by name. */
    @Test
    void theFormatIsJudgedByContentNotByName() {
        Source source = http.newSource("by-content");
        byte[] png = Photos.uniquePhoto("nikon-d700.png");
        try (Indexer indexer = Indexer.forSources(source)) {
            String pngId = Ftp.upload(source, "/really-a-png.jpg", png);
            Event event = indexer.expect();
            assertEquals("png", event.body().getString("format"));
            assertEquals("png", event.property("format"));
            assertEquals("image/png", http.get("/images/" + pngId).headers().firstValue("Content-Type").orElse(null));
        }
    }

    /** Original bytes (these formats are shared with other tests: same bytes, same image, which is fine here). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "oregon-scientific-ds6639.gif, image/gif, gif, 300, 225",
            "oregon-scientific-ds6639.tif, image/tiff, tiff, 300, 225",
            "sony-dslr-a100.webp, image/webp, webp, 400, 600"})
    void otherAcceptedFormats(String file, String mediaType, String format, int width, int height) {
        byte[] bytes = Photos.photo(file);
        String otherId = Ftp.upload(camera, "/formats/" + file, bytes);
        HttpResponse<byte[]> response = http.get("/images/" + otherId);
        assertEquals(200, response.statusCode());
        assertEquals(mediaType, response.headers().firstValue("Content-Type").orElse(null));
        assertArrayEquals(bytes, response.body());
        JsonObject meta = Responses.json(http.getText("/images/" + otherId + "/meta").body());
        assertEquals(format, meta.getString("format"));
        assertEquals(width, meta.getInt("width"));
        assertEquals(height, meta.getInt("height"));
    }

    /** Formats without a real photo among the test files: generated here, with random pixels. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "bmp, image/bmp, bmp",
            "jpeg2000, image/jp2, jpeg2000"})
    void generatedBmpAndJpeg2000AreAccepted(String writer, String mediaType, String format) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random();
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        // the JVM-wide registry may have been made by the store's Codecs (WebpRenditionIT reads headers with it),
        // which leaves the class path's plugins out on purpose: look for them again
        javax.imageio.ImageIO.scanForPlugins();
        assertTrue(javax.imageio.ImageIO.write(image, writer, out), "no " + writer + " writer on the test classpath");
        byte[] bytes = out.toByteArray();
        String generatedId = Ftp.upload(camera, "/generated/picture." + writer, bytes);
        HttpResponse<byte[]> response = http.get("/images/" + generatedId);
        assertEquals(200, response.statusCode());
        assertEquals(mediaType, response.headers().firstValue("Content-Type").orElse(null));
        assertArrayEquals(bytes, response.body());
        JsonObject meta = Responses.json(http.getText("/images/" + generatedId + "/meta").body());
        assertEquals(format, meta.getString("format"));
        assertEquals(64, meta.getInt("width"));
        assertEquals(48, meta.getInt("height"));
        HttpResponse<byte[]> rendition = http.get("/images/" + generatedId + "?w=32");
        assertEquals(200, rendition.statusCode(), () -> Responses.text(rendition));
        java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(rendition.body()));
        assertEquals(32, small.getWidth());
        assertEquals(24, small.getHeight());
    }

    private static byte[] readBlob() {
        try {
            return java.nio.file.Files.readAllBytes(Volumes.blob(id));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * No HTTP worker is ever interrupted for running long: under the leader-follower strategy the selectors run as
     * such workers' tasks, and a selector thread once interrupted spins (an idle node on both cores, 15 minutes after
     * its start, with Payara's default request timeout: bench/results/probe-20261204T1700Z-selector-spin).
     */
    @Test
    void theHttpListenersSetNoRequestTimeoutThatWouldInterruptTheirSelectors() {
        for (String listener : java.util.List.of("http-listener-1", "http-listener-2")) {
            assertEquals("-1", NodeControl.setting("configs.config.imagestore-config.network-config.protocols.protocol."
                    + listener + ".http.request-timeout-seconds"), listener);
        }
    }
}
