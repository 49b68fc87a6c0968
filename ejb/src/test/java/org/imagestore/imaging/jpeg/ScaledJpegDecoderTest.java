package org.imagestore.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.imagestore.imaging.Codecs;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.imaging.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.NodeList;

/** The DCT-domain decoder against Image I/O's full decode, box-averaged to the same scale. */
class ScaledJpegDecoderTest {

    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    /**
     * @param lumaH luma sampling factors (chroma is 1x1): 2x2 is 4:2:0, 2x1 4:2:2, 1x1 4:4:4
     * @param restart restart interval in MCUs, 0 for none
     */
    private static byte[] encode(BufferedImage image, int lumaH, int lumaV, int restart, boolean progressive)
            throws IOException {
        return encode(image, lumaH, lumaV, restart, progressive, 0.9f);
    }

    private static byte[] encode(BufferedImage image, int lumaH, int lumaV, int restart, boolean progressive,
                                 float quality) throws IOException {
        ImageWriter writer = Codecs.standard().writer(ImageFormat.JPEG);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(NATIVE_FORMAT);
        NodeList components = root.getElementsByTagName("componentSpec");
        for (int i = 0; i < components.getLength(); i++) {
            IIOMetadataNode c = (IIOMetadataNode) components.item(i);
            c.setAttribute("HsamplingFactor", String.valueOf(i == 0 ? lumaH : 1));
            c.setAttribute("VsamplingFactor", String.valueOf(i == 0 ? lumaV : 1));
        }
        if (restart > 0) {
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", String.valueOf(restart));
            markers.insertBefore(dri, markers.getFirstChild());
        }
        metadata.setFromTree(NATIVE_FORMAT, root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = Codecs.memoryOutput(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage imageIo(byte[] jpeg) throws IOException {
        ImageReader reader = Codecs.standard().reader(ImageFormat.JPEG);
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /** Mean absolute difference per channel between {@code scaled} and {@code full} averaged in scale x scale boxes. */
    private static double meanAbsoluteError(BufferedImage scaled, BufferedImage full, int scale, int originX, int originY) {
        double error = 0;
        long n = 0;
        for (int y = 0; y < scaled.getHeight(); y++) {
            for (int x = 0; x < scaled.getWidth(); x++) {
                double[] sum = new double[3];
                int count = 0;
                for (int yy = originY + y * scale; yy < Math.min(full.getHeight(), originY + (y + 1) * scale); yy++) {
                    for (int xx = originX + x * scale; xx < Math.min(full.getWidth(), originX + (x + 1) * scale); xx++) {
                        int p = full.getRGB(xx, yy);
                        for (int c = 0; c < 3; c++) {
                            sum[c] += p >> (16 - 8 * c) & 0xFF;
                        }
                        count++;
                    }
                }
                int q = scaled.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    error += Math.abs(sum[c] / count - (q >> (16 - 8 * c) & 0xFF));
                    n++;
                }
            }
        }
        return error / n;
    }

    @ParameterizedTest
    @CsvSource({
        "2, 2, 0, 8", "2, 2, 0, 4", "2, 2, 0, 2", "2, 2, 0, 1",
        "1, 1, 0, 8", "1, 1, 0, 2",
        "2, 1, 0, 8", "2, 1, 0, 4",
        "1, 2, 0, 4",
        "2, 2, 3, 8", "1, 1, 7, 4",
    })
    void matchesImageIoAtEveryScale(int lumaH, int lumaV, int restart, int scale) throws IOException {
        BufferedImage image = TestImages.photoLike(203, 157, lumaH * 10 + lumaV);
        byte[] jpeg = encode(image, lumaH, lumaV, restart, false);
        ScaledJpegDecoder.Scaled s = ScaledJpegDecoder.decode(jpeg, scale, new Rectangle(0, 0, 203, 157));
        assertEquals((203 + scale - 1) / scale, s.image().getWidth());
        assertEquals((157 + scale - 1) / scale, s.image().getHeight());
        double mae = meanAbsoluteError(s.image(), imageIo(jpeg), scale, 0, 0);
        assertTrue(mae < 2.5, "mean absolute error " + mae);
    }

    /**
     * Noise at quality 100: most blocks have a coefficient at zigzag position 63 and no end-of-block code, so the
     * next bits are the next block's DC code. Stepping over coefficients several at a time must stop there.
     */
    @ParameterizedTest
    @CsvSource({"2, 2, 0", "1, 1, 0", "2, 2, 5"})
    void stepsOverFullBlocksWithoutAnEndOfBlock(int lumaH, int lumaV, int restart) throws IOException {
        BufferedImage noise = new BufferedImage(96, 64, BufferedImage.TYPE_3BYTE_BGR);
        java.util.Random random = new java.util.Random(lumaH * 100 + restart);
        byte[] pixels = ((java.awt.image.DataBufferByte) noise.getRaster().getDataBuffer()).getData();
        random.nextBytes(pixels);
        byte[] jpeg = encode(noise, lumaH, lumaV, restart, false, 1.0f);
        ScaledJpegDecoder.Scaled s = ScaledJpegDecoder.decode(jpeg, 8, new Rectangle(0, 0, 96, 64));
        double mae = meanAbsoluteError(s.image(), imageIo(jpeg), 8, 0, 0);
        assertTrue(mae < 2.5, "mean absolute error " + mae);
    }

    @Test
    void decodesGrayscale() throws IOException {
        BufferedImage gray = new BufferedImage(120, 88, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(TestImages.photoLike(120, 88, 4), 0, 0, null);
        byte[] jpeg = TestImages.jpeg(gray, 90);
        ScaledJpegDecoder.Scaled s = ScaledJpegDecoder.decode(jpeg, 4, new Rectangle(0, 0, 120, 88));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, s.image().getType());
        BufferedImage reference = imageIo(jpeg);
        double error = 0;
        for (int y = 0; y < s.image().getHeight(); y++) {
            for (int x = 0; x < s.image().getWidth(); x++) {
                double sum = 0;
                for (int yy = 4 * y; yy < 4 * y + 4; yy++) {
                    for (int xx = 4 * x; xx < 4 * x + 4; xx++) {
                        sum += reference.getRaster().getSample(xx, yy, 0);
                    }
                }
                error += Math.abs(sum / 16 - s.image().getRaster().getSample(x, y, 0));
            }
        }
        double mae = error / (s.image().getWidth() * s.image().getHeight());
        assertTrue(mae < 2, "mean absolute error " + mae);
    }

    @Test
    void aRegionIsTheSameAsThatPartOfTheWhole() throws IOException {
        byte[] jpeg = encode(TestImages.photoLike(400, 300, 9), 2, 2, 0, false);
        ScaledJpegDecoder.Scaled whole = ScaledJpegDecoder.decode(jpeg, 4, new Rectangle(0, 0, 400, 300));
        ScaledJpegDecoder.Scaled part = ScaledJpegDecoder.decode(jpeg, 4, new Rectangle(101, 150, 90, 60));
        assertEquals(100, part.originX());
        assertEquals(148, part.originY());
        BufferedImage expected = whole.image().getSubimage(25, 37, part.image().getWidth(), part.image().getHeight());
        for (int y = 0; y < part.image().getHeight(); y++) {
            for (int x = 0; x < part.image().getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), part.image().getRGB(x, y), "at " + x + "," + y);
            }
        }
        assertTrue(part.image().getWidth() * 4 >= 91 && part.image().getHeight() * 4 >= 62, "covers the region");
    }

    @Test
    void isDeterministic() throws IOException {
        byte[] jpeg = encode(TestImages.photoLike(333, 222, 5), 2, 2, 0, false);
        Rectangle all = new Rectangle(0, 0, 333, 222);
        assertArrayEquals(pixels(ScaledJpegDecoder.decode(jpeg, 8, all)), pixels(ScaledJpegDecoder.decode(jpeg, 8, all)));
    }

    private static byte[] pixels(ScaledJpegDecoder.Scaled s) {
        return ((DataBufferByte) s.image().getRaster().getDataBuffer()).getData();
    }

    /**
     * Real photo content, re-encoded progressively: at 1/8 only the DC scans are read. Subsampled chroma then
     * has one value per chroma block (as in libjpeg's 1/8 mode), which real photos do not miss; synthetic
     * pixel-level colour noise would.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 0", "2, 2, 0", "2, 1, 0", "2, 2, 3"})
    void decodesProgressiveJpegsAtOneEighthFromTheirDcScans(int lumaH, int lumaV, int restart) throws IOException {
        byte[] progressive = encode(photo(), lumaH, lumaV, restart, true);
        assertEquals(0xC2, JpegStructure.parse(progressive).frameMarker);

        ScaledJpegDecoder.Scaled s = ScaledJpegDecoder.decode(progressive, 8, new Rectangle(0, 0, 800, 600));

        assertEquals(100, s.image().getWidth());
        assertEquals(75, s.image().getHeight());
        double mae = meanAbsoluteError(s.image(), imageIo(progressive), 8, 0, 0);
        assertTrue(mae < 2.5, "mean absolute error " + mae + " against Image I/O's full decode");
    }

    @Test
    void decodesProgressiveGrayscaleFromSingleComponentScans() throws IOException {
        BufferedImage gray = new BufferedImage(160, 96, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(TestImages.photoLike(160, 96, 6), 0, 0, null);
        byte[] progressive = encode(gray, 1, 1, 0, true);
        ScaledJpegDecoder.Scaled s = ScaledJpegDecoder.decode(progressive, 8, new Rectangle(0, 0, 160, 96));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, s.image().getType());
        assertEquals(20, s.image().getWidth());
        double mae = meanAbsoluteError(s.image(), imageIo(progressive), 8, 0, 0);
        assertTrue(mae < 2.5, "mean absolute error " + mae);
    }

    /**
     * A progressive file holds the same quantised coefficients as the sequential file of the same pixels and
     * quality, sent in spectral bands and bit planes (Image I/O writes libjpeg's script, with successive
     * approximation and end-of-band runs). Gathered over every scan, they must give the same pixels, bit for bit.
     */
    @ParameterizedTest
    @CsvSource({
        "2, 2, 0, 4", "2, 2, 0, 2", "2, 2, 0, 1",
        "1, 1, 0, 4", "1, 1, 0, 2",
        "2, 1, 0, 2", "1, 2, 0, 4",
        "2, 2, 3, 4", "1, 1, 7, 2",
    })
    void decodesProgressiveJpegsToTheSamePixelsAsTheirSequentialTwin(int lumaH, int lumaV, int restart, int scale)
            throws IOException {
        BufferedImage photo = photo();
        byte[] progressive = encode(photo, lumaH, lumaV, restart, true);
        byte[] sequential = encode(photo, lumaH, lumaV, restart, false);
        assertEquals(0xC2, JpegStructure.parse(progressive).frameMarker);
        Rectangle all = new Rectangle(0, 0, photo.getWidth(), photo.getHeight());

        ScaledJpegDecoder.Scaled p = ScaledJpegDecoder.decode(progressive, scale, all);
        ScaledJpegDecoder.Scaled s = ScaledJpegDecoder.decode(sequential, scale, all);

        assertEquals(s.image().getWidth(), p.image().getWidth());
        assertEquals(s.image().getHeight(), p.image().getHeight());
        assertArrayEquals(pixels(s), pixels(p));
    }

    @Test
    void decodesARegionOfAProgressiveJpegLikeThatPartOfTheWhole() throws IOException {
        byte[] progressive = encode(photo(), 2, 2, 0, true);
        ScaledJpegDecoder.Scaled whole = ScaledJpegDecoder.decode(progressive, 2, new Rectangle(0, 0, 800, 600));
        ScaledJpegDecoder.Scaled part = ScaledJpegDecoder.decode(progressive, 2, new Rectangle(101, 250, 300, 120));
        BufferedImage expected = whole.image().getSubimage(part.originX() / 2, part.originY() / 2,
                part.image().getWidth(), part.image().getHeight());
        for (int y = 0; y < part.image().getHeight(); y++) {
            for (int x = 0; x < part.image().getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), part.image().getRGB(x, y), "at " + x + "," + y);
            }
        }
    }

    @Test
    void decodesProgressiveGrayscaleAtOneQuarterLikeItsSequentialTwin() throws IOException {
        BufferedImage gray = new BufferedImage(160, 96, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(TestImages.photoLike(160, 96, 6), 0, 0, null);
        Rectangle all = new Rectangle(0, 0, 160, 96);
        assertArrayEquals(pixels(ScaledJpegDecoder.decode(encode(gray, 1, 1, 0, false), 4, all)),
                pixels(ScaledJpegDecoder.decode(encode(gray, 1, 1, 0, true), 4, all)));
    }

    /** A progressive file's coefficients are held until its last scan; a sequential file's are not. */
    @Test
    void countsTheCoefficientsOnlyOfProgressiveFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path progressive = java.nio.file.Files.write(dir.resolve("p.jpg"), encode(photo(), 2, 2, 0, true));
        java.nio.file.Path sequential = java.nio.file.Files.write(dir.resolve("s.jpg"), encode(photo(), 2, 2, 0, false));
        assertEquals(480_000L * 2, ScaledJpegDecoder.coefficientBytes(progressive, 480_000, 2));
        assertEquals(0, ScaledJpegDecoder.coefficientBytes(sequential, 480_000, 2));
    }

    private BufferedImage photo() throws IOException {
        try (var in = getClass().getResourceAsStream("/photos/xiaomi-mi-a3-gps.jpg")) {
            return ImageIO.read(in);
        }
    }

    @Test
    void refusesGarbageAfterTheHeaderWithoutCrashing() throws IOException {
        byte[] jpeg = encode(TestImages.photoLike(64, 64, 1), 2, 2, 0, false);
        int scan = JpegStructure.parse(jpeg).firstScan;
        for (int i = scan + 20; i < jpeg.length - 2; i++) {
            jpeg[i] = (byte) (i * 31); // not valid Huffman data; 0xFF bytes end the scan early
        }
        try {
            ScaledJpegDecoder.Scaled s = ScaledJpegDecoder.decode(jpeg, 8, new Rectangle(0, 0, 64, 64));
            assertEquals(8, s.image().getWidth()); // decoded as garbage, like libjpeg would
        } catch (UnsupportedJpegException expected) {
            assertTrue(expected.getMessage().contains("Huffman") || expected.getMessage().contains("coefficient"),
                    expected.getMessage());
        }
    }
}
