package org.imagestore.rendering;

import static org.imagestore.imaging.TestImages.distance;
import static org.imagestore.imaging.TestImages.encode;
import static org.imagestore.imaging.TestImages.jpeg;
import static org.imagestore.imaging.TestImages.quadrants;
import static org.imagestore.imaging.TestImages.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.imagestore.imaging.Codecs;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.imaging.ImageInspector;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRendererTest {

    @TempDir
    Path dir;

    private final ImageRenderer renderer = new ImageRenderer(RenderLimits.DEFAULT);

    // ---- orientation -------------------------------------------------------------------------------------------

    /**
     * The stored image that an EXIF orientation displays as {@code shown}: for each tag, the inverse of what the
     * tag asks a viewer to do (EXIF 2.3, table of Orientation values).
     */
    private static BufferedImage storedFor(BufferedImage shown, int orientation) {
        int w = shown.getWidth();
        int h = shown.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage stored = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < stored.getHeight(); y++) {
            for (int x = 0; x < stored.getWidth(); x++) {
                Point p = switch (orientation) {
                    case 1 -> new Point(x, y);
                    case 2 -> new Point(w - 1 - x, y);         // viewer mirrors left-right
                    case 3 -> new Point(w - 1 - x, h - 1 - y); // viewer turns 180
                    case 4 -> new Point(x, h - 1 - y);         // viewer mirrors top-bottom
                    case 5 -> new Point(y, x);                 // viewer transposes
                    case 6 -> new Point(w - 1 - y, x);         // viewer turns 90 clockwise
                    case 7 -> new Point(w - 1 - y, h - 1 - x); // viewer transverses
                    case 8 -> new Point(y, h - 1 - x);         // viewer turns 90 anticlockwise
                    default -> throw new IllegalArgumentException();
                };
                stored.setRGB(x, y, shown.getRGB(p.x, p.y));
            }
        }
        return stored;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void appliesEveryExifOrientation(int orientation) throws Exception {
        byte[] source = TestImages.withOrientation(jpeg(storedFor(quadrants(160, 80), orientation), 95), orientation);
        for (String query : List.of("format=png", "w=40&format=png")) { // full size (Image I/O) and 1/4 (fast path)
            BufferedImage out = decode(render(source, "o.jpg", query));
            int w = out.getWidth();
            int h = out.getHeight();
            assertEquals(2 * h, w, query + ": displayed landscape");
            assertQuadrants(out, query + ", orientation " + orientation);
        }
    }

    @Test
    void theMemoryARenderNeedsIsKnownBeforeDecodingAndScalesWithWhatIsDecoded() throws Exception {
        long mib = 1 << 20;
        Path hugePng = write(dir, "huge.png", TestImages.pngDeclaring(10_000, 10_000));
        ImageFacts png = new org.imagestore.imaging.ImageInspector().inspect(hugePng);
        long whole = renderer.memoryNeeded(hugePng, png, RenderSpec.parse(Map.of("w", List.of("320")), RenderLimits.DEFAULT));
        assertTrue(whole >= 300_000_000L, () -> "a 100 MP RGB PNG is decoded whole, 3 bytes a pixel: " + whole / mib + " MiB");
        long cropped = renderer.memoryNeeded(hugePng, png,
                RenderSpec.parse(Map.of("crop", List.of("0,0,1000,1000"), "w", List.of("320")), RenderLimits.DEFAULT));
        assertTrue(cropped < 32 * mib, () -> "a 1 MP crop of it: " + cropped / mib + " MiB");

        Path photo = write(dir, "photo.jpg", TestImages.jpeg(TestImages.photoLike(4000, 3000, 1), 90));
        ImageFacts jpeg = new org.imagestore.imaging.ImageInspector().inspect(photo);
        long thumbnail = renderer.memoryNeeded(photo, jpeg, RenderSpec.parse(Map.of("w", List.of("320")), RenderLimits.DEFAULT));
        assertTrue(thumbnail < 32 * mib, () -> "a thumbnail of a 12 MP JPEG, decoded at 1/8: " + thumbnail / mib + " MiB");
        long full = renderer.memoryNeeded(photo, jpeg, RenderSpec.parse(Map.of("w", List.of("4000")), RenderLimits.DEFAULT));
        assertTrue(full > 12_000_000L * 4, () -> "the full size: " + full / mib + " MiB");
    }

    @Test
    void cropsInDisplayedCoordinates() throws Exception {
        byte[] source = TestImages.withOrientation(jpeg(storedFor(quadrants(160, 80), 6), 95), 6);
        Rendition green = render(source, "o.jpg", "crop=80,0,80,40&w=20");
        assertEquals(20, green.width());
        assertEquals(10, green.height());
        assertUniform(decode(green), Color.GREEN, "displayed top-right quadrant");
    }

    private static void assertQuadrants(BufferedImage out, String what) {
        int w = out.getWidth();
        int h = out.getHeight();
        assertColour(out, w / 4, h / 4, Color.RED, what + " top left");
        assertColour(out, 3 * w / 4, h / 4, Color.GREEN, what + " top right");
        assertColour(out, w / 4, 3 * h / 4, Color.BLUE, what + " bottom left");
        assertColour(out, 3 * w / 4, 3 * h / 4, Color.YELLOW, what + " bottom right");
    }

    // ---- geometry ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "w=100&h=100|100|50",
        "w=100&h=100&fit=contain|100|50",
        "w=100&h=100&fit=cover|100|100",
        "w=100&h=100&fit=fill|100|100",
        "w=100|100|50",
        "h=50|100|50",
        "h=25&w=1000|50|25",
        "w=800|800|400",
        "crop=0,0,100,200&w=50|50|100",
        "crop=10,10,30,30|30|30",
    })
    void sizesTheOutput(String query, int width, int height) throws Exception {
        Rendition r = render(encode(quadrants(400, 200), ImageFormat.PNG), "q.png", query);
        assertEquals(width, r.width());
        assertEquals(height, r.height());
        BufferedImage out = decode(r);
        assertEquals(width, out.getWidth());
        assertEquals(height, out.getHeight());
    }

    @Test
    void coverCutsTheCentre() throws Exception {
        BufferedImage out = decode(render(encode(quadrants(400, 200), ImageFormat.PNG), "q.png", "w=100&h=100&fit=cover"));
        assertQuadrants(out, "cover of the centre square");
    }

    @Test
    void fillStretches() throws Exception {
        BufferedImage out = decode(render(encode(quadrants(400, 200), ImageFormat.PNG), "q.png", "w=50&h=200&fit=fill"));
        assertQuadrants(out, "stretched");
    }

    @Test
    void cropsThenScales() throws Exception {
        byte[] png = encode(quadrants(400, 200), ImageFormat.PNG);
        assertUniform(decode(render(png, "q.png", "crop=200,100,200,100&w=37")), Color.YELLOW, "bottom right");
        assertUniform(decode(render(jpeg(quadrants(400, 200), 95), "q.jpg", "crop=0,100,200,100&w=20")),
                Color.BLUE, "bottom left, fast path");
    }

    @Test
    void refusesACropOutsideTheImage() {
        InvalidRenderParameterException e = assertThrows(InvalidRenderParameterException.class,
                () -> render(encode(quadrants(400, 200), ImageFormat.PNG), "q.png", "crop=300,0,101,10"));
        assertEquals("crop", e.parameter());
        assertEquals("must lie inside the image, which is 400x200 px as displayed (after EXIF orientation)", e.reason());
    }

    @Test
    void refusesAnOutputBeyondTheLimit() {
        InvalidRenderParameterException e = assertThrows(InvalidRenderParameterException.class,
                () -> render(encode(quadrants(10, 1000), ImageFormat.PNG), "tall.png", "w=100"));
        assertEquals("w", e.parameter());
        assertTrue(e.reason().startsWith("the output would be 100x10000 px"), e.reason());
    }

    @Test
    void refusesAWebpBeyondItsSideLimitWhateverTheConfiguredOne() throws Exception {
        RenderLimits large = new RenderLimits(20_000, RenderLimits.DEFAULT.maxSourcePixels(),
                RenderLimits.DEFAULT.maxSourceBytes());
        Path source = write(dir, "wide.png", encode(quadrants(200, 10), ImageFormat.PNG));
        InvalidRenderParameterException e = assertThrows(InvalidRenderParameterException.class,
                () -> new ImageRenderer(large).render(source, RenderSpec.parse(
                        Map.of("w", List.of("16384"), "format", List.of("webp")), large)));
        assertEquals("w", e.parameter());
        assertEquals("the output would be 16384x819 px; at most 16383 px on a side in webp (give a smaller w or h)",
                e.reason());
    }

    // ---- safety ------------------------------------------------------------------------------------------------

    @Test
    void refusesADecompressionBombFromItsHeader() {
        for (byte[] bomb : List.of(TestImages.pngDeclaring(50_000, 50_000), TestImages.jpegDeclaring(50_000, 50_000))) {
            SourceRefusedException e = assertThrows(SourceRefusedException.class, () -> render(bomb, "bomb", "w=100"));
            assertEquals("source is 50000x50000 = 2500000000 pixels; at most 100000000 are rendered", e.getMessage());
        }
    }

    @Test
    void aGifOfAHundredThousandFramesRendersFromItsFirstFrameOnly() throws Exception {
        byte[] gif = org.imagestore.imaging.MetadataBombs.gifWithFrames(100_000, 64, 48);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        Rendition thumbnail = render(gif, "frames.gif", "w=32");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(32, thumbnail.width(), "the first frame (one pixel) scaled up");
        assertEquals(32, thumbnail.height());
        assertTrue(allocated < 32L << 20, () -> "allocated " + (allocated >> 20) + " MiB for a thumbnail of a "
                + gif.length / 1000 + " kB GIF (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    @Test
    void refusesASourceOverTheByteLimit() throws Exception {
        ImageRenderer strict = new ImageRenderer(new RenderLimits(8192, 100_000_000, 1000));
        Path big = write(dir, "big.png", encode(TestImages.photoLike(200, 200, 3), ImageFormat.PNG));
        SourceRefusedException e = assertThrows(SourceRefusedException.class,
                () -> strict.render(big, RenderSpec.parse(Map.of("w", List.of("10")), RenderLimits.DEFAULT)));
        assertTrue(e.getMessage().endsWith("bytes; at most 1000 are rendered"), e.getMessage());
    }

    @Test
    void refusesWhatIsNotAnImage() {
        SourceRefusedException e = assertThrows(SourceRefusedException.class,
                () -> render("just text".getBytes(StandardCharsets.US_ASCII), "x.jpg", "w=10"));
        assertEquals("cannot render: not an image: content looks like text", e.getMessage());
    }

    // ---- colour ------------------------------------------------------------------------------------------------

    @Test
    void convertsCmykJpegToSrgb() throws Exception {
        int w = 64;
        int h = 64;
        // Adobe-style CMYK JPEG (inverted samples, APP14 transform 0): quadrants white, cyan, yellow, black
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        int[][] inks = {{0, 0, 0, 0}, {255, 0, 0, 0}, {0, 0, 255, 0}, {0, 0, 0, 255}};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] ink = inks[(y >= h / 2 ? 2 : 0) + (x >= w / 2 ? 1 : 0)];
                for (int b = 0; b < 4; b++) {
                    cmyk.setSample(x, y, b, 255 - ink[b]);
                }
            }
        }
        ImageWriter writer = Codecs.standard().writer(ImageFormat.JPEG);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = Codecs.memoryOutput(bytes)) {
            writer.setOutput(out);
            writer.write(new IIOImage(cmyk, null, null));
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] plain = bytes.toByteArray();
        byte[] source = ByteBuffer.allocate(plain.length + adobe.length).put(plain, 0, 2).put(adobe)
                .put(plain, 2, plain.length - 2).array();
        for (String query : List.of("format=png", "w=16&format=png")) {
            BufferedImage out = decode(render(source, "cmyk.jpg", query));
            int q = out.getWidth() / 4;
            int white = out.getRGB(q, q);
            int cyan = out.getRGB(3 * q, q);
            int yellow = out.getRGB(q, 3 * q);
            int black = out.getRGB(3 * q, 3 * q);
            assertTrue(distance(white, Color.WHITE) < 25, "white paper: " + Integer.toHexString(white));
            assertTrue((cyan >> 16 & 0xFF) < 80 && (cyan & 0xFF) > 180, "cyan ink: " + Integer.toHexString(cyan));
            assertTrue((yellow & 0xFF) < 80 && (yellow >> 16 & 0xFF) > 200 && (yellow >> 8 & 0xFF) > 180,
                    "yellow ink: " + Integer.toHexString(yellow));
            assertTrue(distance(black, Color.BLACK) < 90, "black ink: " + Integer.toHexString(black));
        }
    }

    @Test
    void appliesAnEmbeddedIccProfile() throws Exception {
        // mid-gray samples tagged as linear RGB are much lighter in sRGB (about 188 for 128)
        BufferedImage gray = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                gray.setRGB(x, y, 0x808080);
            }
        }
        byte[] tagged = withIccProfile(jpeg(gray, 95), ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));
        for (String query : List.of("format=png", "w=8&format=png")) {
            int rgb = decode(render(tagged, "icc.jpg", query)).getRGB(4, 4);
            assertTrue(distance(rgb, new Color(188, 188, 188)) < 8, query + ": " + Integer.toHexString(rgb));
        }
        int untagged = decode(render(jpeg(gray, 95), "plain.jpg", "w=8&format=png")).getRGB(4, 4);
        assertTrue(distance(untagged, new Color(128, 128, 128)) < 4, Integer.toHexString(untagged));
    }

    private static byte[] withIccProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] icc = profile.getData();
        byte[] tag = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + icc.length + tag.length + 6);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE2).putShort((short) (2 + tag.length + 2 + icc.length));
        out.put(tag).put((byte) 1).put((byte) 1).put(icc).put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "PNG"})
    void keepsGrayValuesAsTheyAre(ImageFormat format) throws Exception {
        BufferedImage gray = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = gray.getRaster();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setSample(x, y, 0, 100);
            }
        }
        BufferedImage out = decode(render(encode(gray, format), "g", "w=16&format=png"));
        assertEquals(1, out.getRaster().getNumBands(), "stays gray");
        assertEquals(100, out.getRaster().getSample(8, 8, 0), 2);
    }

    @Test
    void reads16BitPng() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(20, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                raster.setPixel(x, y, new int[] {0xFFFF, 0x0000, 0x8080});
            }
        }
        byte[] png = encode(new BufferedImage(model, raster, false, null), ImageFormat.PNG);
        assertUniform(decode(render(png, "16.png", "w=10")), new Color(255, 0, 128), "16-bit RGB");
    }

    @Test
    void readsPalettePng() throws Exception {
        IndexColorModel palette = new IndexColorModel(2, 4, new byte[] {(byte) 255, 0, 0, (byte) 255},
                new byte[] {0, (byte) 255, 0, (byte) 255}, new byte[] {0, 0, (byte) 255, 0});
        BufferedImage indexed = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                indexed.getRaster().setSample(x, y, 0, (y >= 20 ? 2 : 0) + (x >= 20 ? 1 : 0));
            }
        }
        assertQuadrants(decode(render(encode(indexed, ImageFormat.PNG), "p.png", "w=20")), "palette");
    }

    @Test
    void flattensAlphaOnWhiteForJpegAndKeepsItForPng() throws Exception {
        BufferedImage argb = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                argb.setRGB(x, y, x < 20 ? 0x00000000 : 0x80FF0000); // transparent | half-transparent red
            }
        }
        byte[] png = encode(argb, ImageFormat.PNG);
        BufferedImage flat = decode(render(png, "a.png", "w=20&format=jpeg"));
        assertTrue(distance(flat.getRGB(4, 5), Color.WHITE) < 6, Integer.toHexString(flat.getRGB(4, 5)));
        assertTrue(distance(flat.getRGB(15, 5), new Color(255, 127, 127)) < 10, Integer.toHexString(flat.getRGB(15, 5)));

        Rendition kept = render(png, "a.png", "w=20");
        assertEquals(ImageFormat.PNG, kept.format(), "a PNG stays PNG");
        BufferedImage withAlpha = decode(kept);
        assertEquals(0, withAlpha.getRGB(4, 5) >>> 24);
        assertEquals(0x80, withAlpha.getRGB(15, 5) >>> 24, 2);
        assertEquals(255, withAlpha.getRGB(15, 5) >> 16 & 0xFF, 2, "transparent neighbours do not darken the edge");
    }

    @Test
    void rendersTheFirstFrameOfAnAnimatedGif() throws Exception {
        ImageWriter writer = Codecs.standard().writer(ImageFormat.GIF);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = Codecs.memoryOutput(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color c : List.of(Color.RED, Color.BLUE, Color.GREEN)) {
                BufferedImage frame = new BufferedImage(30, 20, BufferedImage.TYPE_3BYTE_BGR);
                java.awt.Graphics2D g = frame.createGraphics();
                g.setColor(c);
                g.fillRect(0, 0, 30, 20);
                g.dispose();
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        }
        Rendition r = render(bytes.toByteArray(), "anim.gif", "w=15");
        assertEquals(ImageFormat.GIF, r.format());
        assertUniform(decode(r), Color.RED, "first frame");
    }

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "PNG"})
    void rendersAOnePixelImage(ImageFormat format) throws Exception {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
        one.setRGB(0, 0, 0x3366CC);
        byte[] source = encode(one, format);
        Rendition same = render(source, "one", "format=png");
        assertEquals(1, same.width());
        Rendition enlarged = render(source, "one", "w=10&format=png");
        assertEquals(10, enlarged.width());
        assertEquals(10, enlarged.height());
        assertUniform(decode(enlarged), new Color(0x33, 0x66, 0xCC), "enlarged pixel");
    }

    @Test
    void unwritableSourcesBecomePngWithAlphaAndJpegWithout() throws Exception {
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="); // lossless: RGBA
        Rendition fromWebp = render(webp, "x.webp", "w=4");
        assertEquals(ImageFormat.PNG, fromWebp.format());
        assertEquals(4, decode(fromWebp).getWidth());

        ImageWriter writer = new com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi().createWriterInstance();
        ByteArrayOutputStream jp2 = new ByteArrayOutputStream();
        try (ImageOutputStream out = Codecs.memoryOutput(jp2)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(quadrants(64, 32), null, null), null);
        }
        Rendition fromJp2 = render(jp2.toByteArray(), "x.jp2", "w=32");
        assertEquals(ImageFormat.JPEG, fromJp2.format());
        assertQuadrants(decode(fromJp2), "from JPEG 2000");
    }

    // ---- quality -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "PNG"})
    void downscalesFineStripesToGrayWithoutMoire(ImageFormat format) throws Exception {
        BufferedImage stripes = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                stripes.getRaster().setSample(x, y, 0, x % 2 == 0 ? 0 : 255);
            }
        }
        byte[] source = format == ImageFormat.JPEG ? jpeg(stripes, 100) : encode(stripes, format);
        BufferedImage out = decode(render(source, "stripes", "w=37&format=png"));
        for (int y = 2; y < out.getHeight() - 2; y++) {
            for (int x = 2; x < out.getWidth() - 2; x++) {
                int v = out.getRaster().getSample(x, y, 0);
                assertTrue(Math.abs(v - 128) < 20, "aliasing at " + x + "," + y + ": " + v);
            }
        }
    }

    @Test
    void rendersDeterministically() throws Exception {
        byte[] jpeg = jpeg(TestImages.photoLike(900, 600, 11), 90);
        byte[] png = encode(TestImages.photoLike(300, 200, 12), ImageFormat.PNG);
        for (String query : List.of("w=200", "w=500&h=500&fit=cover&q=70", "crop=10,20,300,200&format=png")) {
            assertArrayEquals(render(jpeg, "d.jpg", query).bytes(), render(jpeg, "d.jpg", query).bytes(), query);
        }
        assertArrayEquals(render(png, "d.png", "w=77&format=gif").bytes(), render(png, "d.png", "w=77&format=gif").bytes());
    }

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "PNG", "GIF", "BMP", "TIFF", "WEBP"})
    void everyOutputFormatDecodesBack(ImageFormat format) throws Exception {
        Rendition r = render(jpeg(quadrants(300, 150), 95), "q.jpg", "w=60&format=" + format.parameterName());
        assertEquals(format, r.format());
        Path file = write(dir, "out", r.bytes());
        assertEquals(format, new ImageInspector().inspect(file).format(), "judged by content");
        BufferedImage out = decode(r);
        assertEquals(60, out.getWidth());
        assertEquals(30, out.getHeight());
        assertQuadrants(out, format.parameterName());
    }

    @Test
    void qualityChangesJpegSize() throws Exception {
        byte[] photo = jpeg(TestImages.photoLike(600, 400, 5), 95);
        int low = render(photo, "p.jpg", "w=300&q=20").bytes().length;
        int high = render(photo, "p.jpg", "w=300&q=95").bytes().length;
        assertTrue(low < high / 2, low + " vs " + high);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Rendition render(byte[] source, String name, String query) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
        }
        return renderer.render(write(dir, name, source), RenderSpec.parse(params, RenderLimits.DEFAULT));
    }

    static BufferedImage decode(Rendition r) throws IOException {
        ImageReader reader = Codecs.standard().reader(r.format());
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(r.bytes()))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected, String what) {
        int rgb = image.getRGB(x, y);
        assertTrue(distance(rgb, expected) < 40, what + ": expected " + expected + " at " + x + "," + y + " but was "
                + Integer.toHexString(rgb));
    }

    private static void assertUniform(BufferedImage image, Color expected, String what) {
        for (int y = 1; y < image.getHeight() - 1; y++) {
            for (int x = 1; x < image.getWidth() - 1; x++) {
                assertColour(image, x, y, expected, what);
            }
        }
    }
}
