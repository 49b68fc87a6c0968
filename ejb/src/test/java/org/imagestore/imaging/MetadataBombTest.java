package org.imagestore.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile metadata costs the inspector (at ingest, and for renders of files without catalogue facts) no more
 * than its limits: compressed text is never inflated, only the EXIF block is read, nested directories end at a
 * budget. Allocation is measured on the inspecting thread ({@code com.sun.management.ThreadMXBean}).
 */
@Timeout(60)
class MetadataBombTest {

    private static final long MIB = 1 << 20;
    private static final String WEBP_1X1 = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

    @TempDir
    Path dir;

    private final ImageInspector inspector = new ImageInspector();

    @ParameterizedTest(name = "iTXt: {0}")
    @ValueSource(booleans = {false, true})
    void aPngTextChunkInflatingToAGigabyteIsNotInflated(boolean international) throws Exception {
        Path bomb = TestImages.write(dir, "bomb.png", MetadataBombs.pngWithTextBomb(1L << 30, international));
        Measured facts = inspect(bomb);
        assertEquals(ImageFormat.PNG, facts.facts().format());
        assertTrue(facts.allocated() < 16 * MIB, () -> "allocated " + facts.allocated() / MIB + " MiB inspecting a text bomb");
    }

    @Test
    void onlyTheFirstExifSegmentOfAJpegIsRead() throws Exception {
        byte[] jpeg = MetadataBombs.jpegWithManyApp1Segments(1000, new TestImages.Exif().orientation(6));
        Path file = TestImages.write(dir, "many.jpg", jpeg);
        assertEquals(6, inspector.inspect(file).orientation());
        // the metadata step alone (Image I/O's header parsing streams past the segments, keeping none)
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertEquals(6, ExifFacts.read(file, ImageFormat.JPEG).orientation());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4 * MIB,
                () -> "allocated " + allocated / MIB + " MiB reading the EXIF of a " + jpeg.length / MIB + " MiB file of APP1 segments");
    }

    @Test
    void directoriesNestedAHundredThousandDeepEndAtTheBudget() throws Exception {
        byte[] tiff = MetadataBombs.tiffWithNestedDirectories(100_000, 6, "Acme");
        Measured facts = inspect(TestImages.write(dir, "deep.tif", tiff));
        assertEquals(ImageFormat.TIFF, facts.facts().format());
        assertEquals(1, facts.facts().width());
        assertTrue(facts.allocated() < 16 * MIB, () -> "allocated " + facts.allocated() / MIB + " MiB");
    }

    @Test
    void aGifOfAHundredThousandFramesIsDescribedByItsFirstFrame() throws Exception {
        Measured facts = inspect(TestImages.write(dir, "frames.gif", MetadataBombs.gifWithFrames(100_000, 64, 48)));
        assertEquals(ImageFormat.GIF, facts.facts().format());
        assertEquals(1, facts.facts().width(), "the first frame's size (the frames here are one pixel each)");
        assertEquals(1, facts.facts().height());
        assertTrue(facts.allocated() < 16 * MIB, () -> "allocated " + facts.allocated() / MIB + " MiB");
    }

    @Test
    void exifIsReadFromTiffPngAndWebpToo() throws Exception {
        TestImages.Exif exif = new TestImages.Exif().orientation(8).camera("Acme Cameras", "Model 1");
        ImageFacts tiff = inspector.inspect(TestImages.write(dir, "a.tif", MetadataBombs.tiffWithNestedDirectories(0, 8, "Acme Cameras")));
        assertEquals(8, tiff.orientation());
        assertEquals(Optional.of("Acme Cameras"), tiff.cameraMake());
        ImageFacts png = inspector.inspect(TestImages.write(dir, "a.png", MetadataBombs.pngWithExif(exif)));
        assertEquals(8, png.orientation());
        assertEquals(Optional.of("Model 1"), png.cameraModel());
        ImageFacts webp = inspector.inspect(TestImages.write(dir, "a.webp",
                MetadataBombs.webpWithExif(Base64.getDecoder().decode(WEBP_1X1), exif)));
        assertEquals(ImageFormat.WEBP, webp.format());
        assertEquals(8, webp.orientation());
    }

    private record Measured(ImageFacts facts, long allocated) {
    }

    private Measured inspect(Path file) throws NotAnImageException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ImageFacts facts = inspector.inspect(file);
        return new Measured(facts, threads.getCurrentThreadAllocatedBytes() - before);
    }
}
