package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Responses.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.imagestore.it.e2e.Ftp.Stored;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renditions through the running server: {@code GET /images/{id}?w=&h=&fit=&crop=&format=&q=}. */
class RenderingIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    static Source camera;
    /** xiaomi-mi-a3-gps.jpg: 800x600, orientation 1. */
    static byte[] landscape;
    static String landscapeId;
    /** orientation6-portrait.jpg: stored 1800x1200, orientation 6, displayed 1200x1800. */
    static byte[] portrait;
    static String portraitId;

    @BeforeAll
    static void upload() {
        camera = http.newSource("render");
        landscape = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        landscapeId = Ftp.upload(camera, "/landscape.jpg", landscape);
        portrait = Photos.uniquePhoto("orientation6-portrait.jpg");
        portraitId = Ftp.upload(camera, "/portrait.jpg", portrait);
    }

    @ParameterizedTest(name = "{0} -> {1}x{2}")
    @CsvSource(delimiter = '|', value = {
            "w=200 | 200 | 150",
            "h=150 | 200 | 150",
            "w=200&h=200 | 200 | 150",
            "w=200&h=200&fit=contain | 200 | 150",
            "w=200&h=200&fit=cover | 200 | 200",
            "w=200&h=200&fit=fill | 200 | 200",
            "w=100&h=300&fit=fill | 100 | 300",
            "w=300&h=100&fit=contain | 133 | 100",
            "crop=100,50,400,300 | 400 | 300",
            "crop=0,0,400,300&w=100 | 100 | 75",
            "w=1600 | 1600 | 1200"})
    void sizes(String query, int width, int height) {
        BufferedImage image = render(landscapeId, query, "image/jpeg");
        assertEquals(width, image.getWidth(), "width of " + query);
        assertEquals(height, image.getHeight(), "height of " + query);
    }

    @Test
    void exifOrientationIsApplied() {
        BufferedImage rendered = render(portraitId, "w=300", "image/jpeg");
        assertEquals(300, rendered.getWidth());
        assertTrue(rendered.getHeight() > rendered.getWidth(), "taller than wide: " + rendered.getHeight());
        assertEquals(450, rendered.getHeight());

        // and it is turned the right way: 90 degrees clockwise, not counter-clockwise
        BufferedImage stored = decode(portrait); // ImageIO ignores EXIF orientation
        assertEquals(1800, stored.getWidth());
        double clockwise = difference(rendered, rotate(stored, true));
        double counterClockwise = difference(rendered, rotate(stored, false));
        assertTrue(clockwise < 12, "the rendition looks like the photo turned clockwise: mean difference " + clockwise);
        assertTrue(clockwise * 2 < counterClockwise,
                "clockwise " + clockwise + " must fit far better than counter-clockwise " + counterClockwise);
    }

    @Test
    void cropIsInDisplayedCoordinates() {
        // the top third of the upright (1200x1800) picture
        BufferedImage rendered = render(portraitId, "crop=0,0,1200,600&w=300", "image/jpeg");
        assertEquals(300, rendered.getWidth());
        assertEquals(150, rendered.getHeight());
        BufferedImage upright = rotate(decode(portrait), true);
        double top = difference(rendered, upright.getSubimage(0, 0, 1200, 600));
        double bottom = difference(rendered, upright.getSubimage(0, 1200, 1200, 600));
        assertTrue(top < 12 && top * 2 < bottom, "the crop shows the top of the upright picture: " + top + " vs " + bottom);
    }

    @Test
    void cropShowsTheRequestedRegion() {
        BufferedImage rendered = render(landscapeId, "crop=100,50,400,300", "image/jpeg");
        BufferedImage original = decode(landscape);
        double same = difference(rendered, original.getSubimage(100, 50, 400, 300));
        double other = difference(rendered, original.getSubimage(400, 300, 400, 300));
        assertTrue(same < 12 && same * 2 < other, "crop content: " + same + " vs elsewhere " + other);
    }

    @Test
    void coverCropsTheCentreAndFillStretches() {
        BufferedImage original = decode(landscape);
        BufferedImage cover = render(landscapeId, "w=200&h=200&fit=cover", "image/jpeg");
        BufferedImage fill = render(landscapeId, "w=200&h=200&fit=fill", "image/jpeg");
        BufferedImage centre = original.getSubimage(100, 0, 600, 600);
        assertTrue(difference(cover, centre) < difference(cover, original), "cover is the centred square");
        assertTrue(difference(fill, original) < difference(fill, centre), "fill is the whole picture, stretched");
    }

    @ParameterizedTest(name = "format={0}")
    @CsvSource({
            "png, image/png",
            "gif, image/gif",
            "bmp, image/bmp",
            "tiff, image/tiff",
            "jpeg, image/jpeg"})
    void formats(String format, String mediaType) {
        HttpResponse<byte[]> response = http.get("/images/" + landscapeId + "?w=160&format=" + format);
        assertEquals(200, response.statusCode(), () -> Responses.text(response));
        assertEquals(mediaType, response.headers().firstValue("Content-Type").orElse(null));
        byte[] b = response.body();
        boolean magic = switch (format) {
            case "png" -> (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "gif" -> new String(b, 0, 4, StandardCharsets.US_ASCII).equals("GIF8");
            case "bmp" -> b[0] == 'B' && b[1] == 'M';
            case "tiff" -> (b[0] == 'I' && b[1] == 'I' && b[2] == 42) || (b[0] == 'M' && b[1] == 'M' && b[3] == 42);
            default -> (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
        };
        assertTrue(magic, "the bytes are " + format);
        BufferedImage image = decode(b);
        assertEquals(160, image.getWidth());
        assertEquals(120, image.getHeight());
        assertTrue(difference(image, decode(landscape)) < 15, "still the same picture");
    }

    @Test
    void sourcesInOtherFormatsRender() {
        String pngId = Ftp.upload(camera, "/n.png", Photos.uniquePhoto("nikon-d700.png"));
        BufferedImage png = render(pngId, "w=100", "image/png");
        assertEquals(100, png.getHeight());
        String webpId = Ftp.upload(camera, "/s.webp", Photos.photo("sony-dslr-a100.webp"));
        BufferedImage fromWebp = render(webpId, "w=200", "image/jpeg"); // no format never means WebP: JPEG
        assertEquals(300, fromWebp.getHeight());
        String tiffId = Ftp.upload(camera, "/o.tif", Photos.photo("oregon-scientific-ds6639.tif"));
        BufferedImage fromTiff = render(tiffId, "w=150&format=png", "image/png");
        assertEquals(113, fromTiff.getHeight(), 1);
    }

    @Test
    void qualityChangesTheJpegSize() {
        HttpResponse<byte[]> low = http.get("/images/" + landscapeId + "?w=400&q=10");
        HttpResponse<byte[]> high = http.get("/images/" + landscapeId + "?w=400&q=95");
        assertEquals(200, low.statusCode());
        assertEquals(200, high.statusCode());
        assertTrue(low.body().length * 2 < high.body().length,
                "q=10 gives a much smaller JPEG than q=95: " + low.body().length + " vs " + high.body().length);
        assertNotEquals(low.headers().firstValue("ETag"), high.headers().firstValue("ETag"));
        assertEquals(200, http.get("/images/" + landscapeId + "?w=50&q=1").statusCode());
        assertEquals(200, http.get("/images/" + landscapeId + "?w=50&q=100").statusCode());
    }

    @Test
    void sameUrlSameBytesSameEtagAndCachingHeaders() {
        String url = "/images/" + landscapeId + "?w=321&h=123&fit=cover&q=77";
        HttpResponse<byte[]> first = http.get(url);
        HttpResponse<byte[]> second = http.get(url);
        assertEquals(200, first.statusCode());
        assertEquals(200, second.statusCode());
        assertArrayEquals(first.body(), second.body(), "the same request gives the same bytes");
        String etag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull(etag);
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);
        assertEquals(etag, second.headers().firstValue("ETag").orElse(null));
        assertNotEquals("\"" + landscapeId + "\"", etag, "a rendition's ETag is not the original's");
        assertEquals(ImageHttpIT.IMMUTABLE, first.headers().firstValue("Cache-Control").orElse(null));

        HttpResponse<byte[]> notModified = http.get(url, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        // the tag has commas in it: a list must be read as quoted tags, and a weak one compares equal for a GET
        HttpResponse<byte[]> inAList = http.get(url, "If-None-Match", "\"something-else\", W/" + etag);
        assertEquals(304, inAList.statusCode(), "the rendition's tag in a list");
        HttpResponse<byte[]> originalTag = http.get(url, "If-None-Match", "\"" + landscapeId + "\"");
        assertEquals(200, originalTag.statusCode(), "the original's ETag does not validate a rendition");

        HttpResponse<byte[]> other = http.get("/images/" + landscapeId + "?w=322&h=123&fit=cover&q=77");
        assertNotEquals(etag, other.headers().firstValue("ETag").orElse(null), "another variant, another ETag");
    }

    @Test
    void theSecondRequestOfAVariantIsServedFromTheCache() {
        String url = "/images/" + landscapeId + "?w=" + (200 + (int) (Math.random() * 400)) + "&format=png";
        double before = rendersOnEveryNode();
        HttpResponse<byte[]> first = http.get(url);
        assertEquals(200, first.statusCode());
        double between = rendersOnEveryNode();
        Map<String, Double> hitsBetween = http.metrics();
        HttpResponse<byte[]> second = http.get(url);
        assertEquals(200, second.statusCode());
        Map<String, Double> hitsAfter = http.metrics();
        String hit = "imagestore_renditions_total{result=\"cache_hit\"}";
        assertEquals(before + 1, between, "the first request renders, once, on one node");
        assertTrue(hitsAfter.getOrDefault(hit, 0.0) >= hitsBetween.getOrDefault(hit, 0.0) + 1,
                "second request is a cache hit: " + hitsBetween.get(hit) + " -> " + hitsAfter.get(hit));
        assertEquals(between, rendersOnEveryNode(), "and renders nothing");
        assertArrayEquals(first.body(), second.body());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "w=0 | w",
            "w=abc | w",
            "w=-10 | w",
            "w=8193 | w",
            "w=1.5 | w",
            "h=0 | h",
            "w=1&w=2 | w",
            "fit=zoom&w=10&h=10 | fit",
            "crop=1,2,3 | crop",
            "crop=0,0,0,10 | crop",
            "crop=a,b,c,d | crop",
            "crop=-1,0,10,10 | crop",
            "crop=700,500,200,200 | crop",
            "format=xyz | format",
            "format=jp2 | format",
            "q=0 | q",
            "q=101 | q",
            "q=high | q",
            "zoom=2 | zoom",
            "w= | w"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        assertJsonError(http.get("/images/" + landscapeId + "?" + query), 400, parameter);
    }

    /**
     * A tiny PNG whose header declares 50000x50000 (2.5 gigapixels, over the 100-megapixel source limit): ingest
     * takes it (its header is consistent, and sides up to 65535 are accepted), the original is served as is, and
     * rendering is refused with 422 before any raster is allocated.
     */
    @Test
    void aDecompressionBombIsStoredButNotRendered() {
        byte[] bomb = hugePng(50_000, 50_000);
        assertTrue(bomb.length < 4096, "a tiny file: " + bomb.length);
        Stored stored;
        try (Ftp ftp = Ftp.login(camera)) {
            stored = ftp.stor("/bomb.png", bomb);
        }
        assertEquals(226, stored.code(), () -> "ingest accepts the header-consistent PNG: " + stored.reply());
        String id = stored.imageId();
        assertEquals(ImageId.of(bomb), id);
        HttpResponse<byte[]> original = http.get("/images/" + id);
        assertEquals(200, original.statusCode());
        assertArrayEquals(bomb, original.body());

        HttpResponse<byte[]> rendered = http.get("/images/" + id + "?w=100");
        assertJsonError(rendered, 422, null);
        assertTrue(Responses.text(rendered).contains("pixels"), () -> "says why: " + Responses.text(rendered));
        // the server survives and still renders other images
        assertEquals(200, http.get("/images/" + landscapeId + "?w=77").statusCode());
        assertEquals(200, http.getText("/health").statusCode());
    }

    /**
     * Renders of the largest sources the limits allow (100 MP), many at once: each takes its share of the memory
     * set aside for rendering (half the heap), so they run one or two at a time and the rest wait or are turned
     * away with 503 + Retry-After; a source whose render would need more than that share (100 MP of 16-bit RGBA)
     * is refused with 422 before anything is decoded. The renders are asked of a node that holds no copy, so they
     * run on the holders, and a holder's 503 reaches the client as the store's own, with Retry-After. No node runs
     * out of heap, and other requests are served throughout.
     */
    @Test
    void manyRendersOfTheLargestSourcesAtOnceNeverExhaustTheHeap() throws Exception {
        String largest = storeOver(NodeAddress.NODE_1, "/largest.png", blackPng(10_000, 10_000, 8, 2));
        String tooDeep = storeOver(NodeAddress.NODE_1, "/too-deep.png", blackPng(10_000, 10_000, 16, 6));

        HttpResponse<byte[]> refused = http.get("/images/" + tooDeep + "?w=100");
        assertJsonError(refused, 422, null);
        assertTrue(Responses.text(refused).contains("needs about"), () -> "says why: " + Responses.text(refused));

        List<String> holders = ClusterState.holdersOf(largest.substring(0, 2));
        Http through = new Http(NodeAddress.ALL.stream().filter(node -> !holders.contains(node.name())).findFirst()
                .orElse(NodeAddress.NODE_1));
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.List<java.util.concurrent.Future<HttpResponse<byte[]>>> renders = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int width = 100 + i; // each a variant of its own: no cache hit
                renders.add(clients.submit(() -> through.get("/images/" + largest + "?w=" + width)));
            }
            // other requests are served meanwhile
            for (int i = 0; i < 5; i++) {
                assertEquals(200, http.get("/images/" + landscapeId).statusCode(), "an original during the renders");
                Pause.millis(500);
            }
            int rendered = 0;
            for (var render : renders) {
                HttpResponse<byte[]> response = render.get(2, java.util.concurrent.TimeUnit.MINUTES);
                if (response.statusCode() == 503) {
                    assertTrue(response.headers().firstValue("Retry-After").isPresent(), "503 with Retry-After");
                } else {
                    assertEquals(200, response.statusCode(), () -> Responses.text(response));
                    rendered++;
                }
            }
            assertTrue(rendered > 0, "at least the first render is done");
        } finally {
            clients.shutdownNow();
        }
        assertEquals(200, http.getText("/health").statusCode());
        assertEquals(200, http.get("/images/" + landscapeId + "?w=79").statusCode(), "the node renders on");
        for (NodeAddress node : NodeAddress.ALL) {
            assertTrue(NodeControl.logOf(node).noneMatch(line -> line.contains("OutOfMemoryError")),
                    () -> "no OutOfMemoryError in the log of " + node);
        }
    }

    private static String storeOver(NodeAddress node, String path, byte[] image) {
        Stored stored;
        try (Ftp ftp = Ftp.login(node, camera)) {
            stored = ftp.stor(path, image);
        }
        assertEquals(226, stored.code(), stored::reply);
        return stored.imageId();
    }

    /** A black PNG of the given size, bit depth and colour type (2: RGB, 6: RGBA), every row deflated: small, but real. */
    static byte[] blackPng(int width, int height, int depth, int colourType) {
        int channels = colourType == 6 ? 4 : 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) depth)
                .put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0).array();
        out.writeBytes(Photos.pngChunk("IHDR", ihdr));
        out.writeBytes(Photos.pngChunk("tEXt", ("Comment\0" + Unique.hex(8)).getBytes(StandardCharsets.ISO_8859_1)));
        long rowBytes = 1 + (long) width * channels * depth / 8; // filter byte 0, then black: every byte zero
        byte[] idat = org.imagestore.imaging.MetadataBombs.deflatedZeros(rowBytes * height);
        out.writeBytes(Photos.pngChunk("IDAT", idat));
        out.writeBytes(Photos.pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    // -------------------------------------------------------------------------------------------- helpers

    static BufferedImage render(String id, String query, String mediaType) {
        HttpResponse<byte[]> response = http.get("/images/" + id + "?" + query);
        assertEquals(200, response.statusCode(), () -> "GET ?" + query + ": " + Responses.text(response));
        assertEquals(mediaType, response.headers().firstValue("Content-Type").orElse(null), query);
        assertEquals(ImageHttpIT.IMMUTABLE, response.headers().firstValue("Cache-Control").orElse(null));
        return decode(response.body());
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertNotNull(image, "javax.imageio cannot decode the response");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns an image by 90 degrees. */
    static BufferedImage rotate(BufferedImage source, boolean clockwise) {
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage turned = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                turned.setRGB(x, y, clockwise ? source.getRGB(y, h - 1 - x) : source.getRGB(w - 1 - y, x));
            }
        }
        return turned;
    }

    /** Mean absolute difference per channel (0..255) of the two images scaled to a 32x32 grid. */
    static double difference(BufferedImage a, BufferedImage b) {
        BufferedImage sa = scale(a, 32, 32);
        BufferedImage sb = scale(b, 32, 32);
        long sum = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int p = sa.getRGB(x, y);
                int q = sb.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (32.0 * 32 * 3);
    }

    private static BufferedImage scale(BufferedImage image, int w, int h) {
        // average in two steps so that fine detail does not alias
        BufferedImage mid = new BufferedImage(w * 4, h * 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = mid.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image.getScaledInstance(w * 4, h * 4, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        g = small.createGraphics();
        g.drawImage(mid.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return small;
    }

    /** A valid-looking grayscale PNG declaring width x height, with a few rows of real data and a random text chunk. */
    static byte[] hugePng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = new byte[13];
        ihdr[0] = (byte) (width >>> 24);
        ihdr[1] = (byte) (width >>> 16);
        ihdr[2] = (byte) (width >>> 8);
        ihdr[3] = (byte) width;
        ihdr[4] = (byte) (height >>> 24);
        ihdr[5] = (byte) (height >>> 16);
        ihdr[6] = (byte) (height >>> 8);
        ihdr[7] = (byte) height;
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // grayscale
        out.writeBytes(Photos.pngChunk("IHDR", ihdr));
        out.writeBytes(Photos.pngChunk("tEXt", ("Comment\0" + Unique.hex(8)).getBytes(StandardCharsets.ISO_8859_1)));
        byte[] rows = new byte[4 * (width + 1)]; // four rows of black, each with filter byte 0
        Deflater deflater = new Deflater(9);
        deflater.setInput(rows);
        byte[] compressed = new byte[rows.length];
        int length = deflater.deflate(compressed, 0, compressed.length, Deflater.SYNC_FLUSH);
        deflater.end();
        out.writeBytes(Photos.pngChunk("IDAT", Arrays.copyOf(compressed, length)));
        out.writeBytes(Photos.pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /**
     * A conditional request for a rendition that was never rendered is answered 304 from the URL alone: no node
     * renders anything (the render counters of every node stay where they were).
     */
    @Test
    void aNotModifiedRenditionCostsNoRender() {
        String spec = "?w=37&h=29&fit=cover";
        // the ETag of this spec for another image shows the form; this image's is the same with its id
        String otherId = Ftp.upload(camera, "/etag-form.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        String otherTag = http.get("/images/" + otherId + spec).headers().firstValue("ETag").orElseThrow();
        String fresh = Ftp.upload(camera, "/never-rendered.jpg", Photos.uniquePhoto("sony-nex3n-gps.jpg"));
        String tag = otherTag.replace(otherId, fresh);

        double rendersBefore = rendersOnEveryNode();
        double notModifiedBefore = http.metrics().getOrDefault(
                "imagestore_http_image_responses_total{kind=\"rendition\",status=\"304\"}", 0.0);
        HttpResponse<byte[]> notModified = http.get("/images/" + fresh + spec, "If-None-Match", tag);

        assertEquals(304, notModified.statusCode());
        assertEquals(tag, notModified.headers().firstValue("ETag").orElse(""));
        assertEquals(rendersBefore, rendersOnEveryNode(), "renders on any node for a 304");
        assertEquals(notModifiedBefore + 1, http.metrics().get(
                "imagestore_http_image_responses_total{kind=\"rendition\",status=\"304\"}"), "the 304 is counted once");
        // and the tag is right: the rendition it names, rendered now, carries it
        assertEquals(tag, http.get("/images/" + fresh + spec).headers().firstValue("ETag").orElse(""));
        assertEquals(rendersBefore + 1, rendersOnEveryNode(), "rendered once, on one node");
    }

    private static double rendersOnEveryNode() {
        return NodeAddress.ALL.stream().mapToDouble(node -> new Http(node).metrics()
                .getOrDefault("imagestore_renditions_total{result=\"rendered\"}", 0.0)).sum();
    }
}
