package org.imagestore.rendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.imagestore.imaging.Codecs;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.imaging.ImageInspector;
import org.imagestore.imaging.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs libwebp: fails (never skips) without it, saying how to install it, as {@code .ci/run} does. */
class WebpEncoderTest {

    private static final WebpEncoder WEBP = WebpEncoder.standard();

    @TempDir
    Path dir;

    @BeforeAll
    static void libwebpIsInstalled() {
        assertTrue(WEBP.available(), "install Debian's libwebp7 (apt-get install libwebp7): " + WEBP.unavailableReason());
    }

    @Test
    void writesAWebpOfTheImagesSize() throws Exception {
        byte[] webp = WEBP.encode(TestImages.photoLike(321, 123, 1), 85);
        assertEquals("RIFF", ascii(webp, 0, 4));
        assertEquals("WEBP", ascii(webp, 8, 12));
        assertEquals("VP8 ", ascii(webp, 12, 16), "opaque: plain lossy");
        ImageFacts facts = new ImageInspector().inspect(TestImages.write(dir, "out", webp));
        assertEquals(ImageFormat.WEBP, facts.format());
        assertEquals(321, facts.width());
        assertEquals(123, facts.height());
    }

    @Test
    void keepsTheColours() throws Exception {
        BufferedImage out = decode(WEBP.encode(TestImages.quadrants(64, 32), 90));
        assertEquals(0xFF0000, dominant(out.getRGB(16, 8)), "top left red, not blue: BGR order kept");
        assertEquals(0x0000FF, dominant(out.getRGB(16, 24)), "bottom left blue");
    }

    @Test
    void isDeterministic() throws Exception {
        BufferedImage photo = TestImages.photoLike(400, 300, 2);
        assertArrayEquals(WEBP.encode(photo, 85), WEBP.encode(photo, 85));
    }

    @Test
    void honoursTheQuality() throws Exception {
        BufferedImage photo = TestImages.photoLike(600, 400, 3);
        int low = WEBP.encode(photo, 30).length;
        int high = WEBP.encode(photo, 90).length;
        assertTrue(low < high * 2 / 3, low + " vs " + high);
    }

    @Test
    void keepsAlpha() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_4BYTE_ABGR);
        for (int x = 0; x < 20; x++) {
            for (int y = 0; y < 20; y++) {
                image.setRGB(x, y, 0xFF00C000); // left half opaque green, right half transparent
            }
        }
        byte[] webp = WEBP.encode(image, 85);
        assertEquals("VP8X", ascii(webp, 12, 16));
        assertTrue((webp[20] & 0x10) != 0, "the VP8X alpha flag");
        BufferedImage out = decode(webp);
        assertEquals(0xFF, out.getRGB(5, 10) >>> 24);
        assertEquals(0x00FF00, dominant(out.getRGB(5, 10)));
        assertEquals(0, out.getRGB(35, 10) >>> 24);
    }

    @Test
    void writesGrayAsRgb() throws Exception {
        BufferedImage gray = new BufferedImage(30, 30, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(StandardImage.bytes(gray), (byte) 128);
        int rgb = decode(WEBP.encode(gray, 90)).getRGB(15, 15) & 0xFFFFFF;
        for (int shift : new int[] {0, 8, 16}) {
            assertTrue(Math.abs((rgb >> shift & 0xFF) - 128) < 6, Integer.toHexString(rgb));
        }
    }

    @Test
    void refusesBeforeTheNativeCallWhatItCannotEncode() {
        assertThrows(IllegalArgumentException.class,
                () -> WEBP.encode(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), 85), "not standard");
        assertThrows(IllegalArgumentException.class,
                () -> WEBP.encode(new BufferedImage(WebpEncoder.MAX_SIDE + 1, 1, BufferedImage.TYPE_3BYTE_BGR), 85));
        assertThrows(IllegalArgumentException.class,
                () -> WEBP.encode(new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR), 0));
    }

    @Test
    void withoutTheLibraryWebpIsRefusedSayingWhy() {
        WebpEncoder missing = new WebpEncoder(List.of("libwebp-absent.so.99"));
        assertFalse(missing.available());
        assertTrue(missing.unavailableReason().startsWith("libwebp-absent.so.99: "), missing.unavailableReason());
        assertThrows(IllegalStateException.class,
                () -> missing.encode(new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR), 85));

        InvalidRenderParameterException e = assertThrows(InvalidRenderParameterException.class,
                () -> RenderSpec.format("webp", missing));
        assertEquals("format", e.parameter());
        assertEquals("webp output needs libwebp (Debian package libwebp7), which this node lacks; "
                + "use one of jpeg, png, gif, bmp, tiff", e.reason());
        assertEquals(ImageFormat.PNG, RenderSpec.format("png", missing), "the other formats are unaffected");
    }

    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }

    /** Each channel rounded to 0 or 255, to compare colours through lossy coding. */
    private static int dominant(int rgb) {
        int out = 0;
        for (int shift : new int[] {0, 8, 16}) {
            out |= ((rgb >> shift & 0xFF) > 127 ? 0xFF : 0) << shift;
        }
        return out;
    }

    private static BufferedImage decode(byte[] webp) throws IOException {
        ImageReader reader = Codecs.standard().reader(ImageFormat.WEBP);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(webp))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
