package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Responses.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.imaging.ImageInspector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code format=webp} through the running store (every node has libwebp7: {@code .ci/run} installs it): the
 * WebP itself, the same bytes and ETag from every node, {@code q} honoured and checked.
 */
class WebpRenditionIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    /** xiaomi-mi-a3-gps.jpg: 800x600, orientation 1. */
    static String id;

    @TempDir
    Path dir;

    @BeforeAll
    static void upload() {
        Source camera = http.newSource("webp");
        id = Ftp.upload(camera, "/photo.jpg", Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg"));
    }

    @Test
    void formatWebpGivesAWebpOfTheAskedWidth() throws Exception {
        HttpResponse<byte[]> response = get("w=320&format=webp");
        assertEquals("image/webp", response.headers().firstValue("Content-Type").orElse(null));
        byte[] body = response.body();
        assertEquals("RIFF", new String(body, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WEBP", new String(body, 8, 4, StandardCharsets.US_ASCII));
        Path file = Files.write(dir.resolve("rendition"), body);
        ImageFacts facts = new ImageInspector().inspect(file);
        assertEquals(ImageFormat.WEBP, facts.format());
        assertEquals(320, facts.width());
        assertEquals(240, facts.height());
    }

    @Test
    void everyNodeGivesTheSameBytesAndEtag() {
        String url = "/images/" + id + "?w=333&format=webp&q=70";
        HttpResponse<byte[]> first = http.get(url);
        assertEquals(200, first.statusCode(), () -> Responses.text(first));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        for (NodeAddress node : NodeAddress.ALL) {
            HttpResponse<byte[]> again = new Http(node).get(url);
            assertEquals(200, again.statusCode(), () -> node.name() + ": " + Responses.text(again));
            assertArrayEquals(first.body(), again.body(), node.name());
            assertEquals(etag, again.headers().firstValue("ETag").orElse(null), node.name());
        }
    }

    @Test
    void qualityChangesTheSizeAndEtag() {
        HttpResponse<byte[]> low = get("w=400&format=webp&q=40");
        HttpResponse<byte[]> high = get("w=400&format=webp&q=90");
        assertTrue(low.body().length < high.body().length,
                "q=40 gives a smaller WebP than q=90: " + low.body().length + " vs " + high.body().length);
        assertNotEquals(low.headers().firstValue("ETag"), high.headers().firstValue("ETag"));
        assertArrayEquals(get("w=400&format=webp&q=85").body(), get("w=400&format=webp").body(),
                "85 is the default quality");
    }

    @Test
    void aQualityOutOfRangeIs400NamingQ() {
        assertJsonError(http.get("/images/" + id + "?w=100&format=webp&q=0"), 400, "q");
    }

    private static HttpResponse<byte[]> get(String query) {
        HttpResponse<byte[]> response = http.get("/images/" + id + "?" + query);
        assertEquals(200, response.statusCode(), () -> "GET ?" + query + ": " + Responses.text(response));
        return response;
    }
}
