package org.imagestore.imaging;

import static org.imagestore.imaging.TestImages.encode;
import static org.imagestore.imaging.TestImages.jpeg;
import static org.imagestore.imaging.TestImages.quadrants;
import static org.imagestore.imaging.TestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;

class ImageInspectorTest {

    /** A 1x1 lossless WebP (VP8L). */
    private static final String WEBP_1X1 = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

    @TempDir
    Path dir;

    private final ImageInspector inspector = new ImageInspector();

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "PNG", "GIF", "BMP", "TIFF"})
    void recognisesWritableFormatsByContentNotName(ImageFormat format) throws Exception {
        Path file = write(dir, "upload.tmp", encode(quadrants(40, 30), format));
        ImageFacts facts = inspector.inspect(file);
        assertEquals(format, facts.format());
        assertEquals(40, facts.width());
        assertEquals(30, facts.height());
        assertEquals(1, facts.orientation());
    }

    @Test
    void recognisesWebp() throws Exception {
        ImageFacts facts = inspector.inspect(write(dir, "x.jpg", Base64.getDecoder().decode(WEBP_1X1)));
        assertEquals(ImageFormat.WEBP, facts.format());
        assertEquals(1, facts.width());
    }

    @Test
    void recognisesJpeg2000() throws Exception {
        ImageWriter writer = new J2KImageWriterSpi().createWriterInstance();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = Codecs.memoryOutput(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(quadrants(24, 20), null, null), null);
        }
        ImageFacts facts = inspector.inspect(write(dir, "x.bin", bytes.toByteArray()));
        assertEquals(ImageFormat.JPEG2000, facts.format());
        assertEquals(24, facts.width());
        assertEquals(20, facts.height());
    }

    @Test
    void readsExifFacts() throws Exception {
        byte[] exif = TestImages.withExif(jpeg(quadrants(32, 16), 90), new TestImages.Exif().orientation(6)
                .camera("  Acme Cameras ", "Fieldcam 3")
                .taken("2024:05:01 12:30:15", "+02:00")
                .gps(48.8584, -2.2945, -12.5));
        ImageFacts facts = inspector.inspect(write(dir, "exif.jpg", exif));
        assertEquals(6, facts.orientation());
        assertEquals(16, facts.displayWidth());
        assertEquals(Optional.of("Acme Cameras"), facts.cameraMake());
        assertEquals(Optional.of("Fieldcam 3"), facts.cameraModel());
        CaptureTime taken = facts.captureTime().orElseThrow();
        assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30, 15), taken.local());
        assertEquals(Optional.of(ZoneOffset.ofHours(2)), taken.offset());
        GeoPoint where = facts.location().orElseThrow();
        assertEquals(48.8584, where.latitude(), 1e-6);
        assertEquals(-2.2945, where.longitude(), 1e-6);
        assertEquals(-12.5, where.altitude().orElseThrow(), 1e-9);
    }

    @Test
    void captureTimeWithoutOffsetStaysLocal() throws Exception {
        byte[] exif = TestImages.withExif(jpeg(quadrants(8, 8), 90),
                new TestImages.Exif().taken("2023:12:31 23:59:59", null));
        CaptureTime taken = inspector.inspect(write(dir, "t.jpg", exif)).captureTime().orElseThrow();
        assertEquals(Optional.empty(), taken.offset());
        assertEquals("2023-12-31T23:59:59", taken.toString());
    }

    @Test
    void missingExifMeansAbsentFacts() throws Exception {
        ImageFacts facts = inspector.inspect(write(dir, "plain.jpg", jpeg(quadrants(8, 8), 90)));
        assertEquals(Optional.empty(), facts.captureTime());
        assertEquals(Optional.empty(), facts.cameraMake());
        assertEquals(Optional.empty(), facts.location());
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], "empty file");
    }

    @Test
    void refusesNonImagesSayingWhatTheyLookLike() throws Exception {
        assertRefused("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "not an image: content looks like PDF");
        assertRefused("Hello camera,\nthis is a text file.\n".getBytes(StandardCharsets.UTF_8),
                "not an image: content looks like text");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("photo.jpg"));
            z.write(jpeg(quadrants(8, 8), 90));
        }
        assertRefused(zip.toByteArray(), "not an image: content looks like a ZIP archive");
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 0; // not by chance a JPEG/PNG/... signature
        assertRefused(noise, "not an image: content looks like unrecognised binary data");
    }

    @Test
    void refusesTruncatedJpeg() {
        byte[] whole = jpeg(TestImages.photoLike(200, 150, 1), 90);
        assertRefused(Arrays.copyOf(whole, whole.length * 2 / 3), "truncated: JPEG ends before its end-of-image marker");
    }

    @Test
    void refusesJpegCutInItsHeader() {
        byte[] whole = jpeg(quadrants(64, 64), 90);
        assertRefused(Arrays.copyOf(whole, 100), "truncated: JPEG ends before its image data");
    }

    @Test
    void acceptsJpegWithTrailingBytesAfterEndMarker() throws Exception {
        byte[] whole = jpeg(quadrants(64, 48), 90);
        byte[] padded = Arrays.copyOf(whole, whole.length + 3000); // zeros, as some cameras pad
        System.arraycopy("vendor trailer".getBytes(StandardCharsets.US_ASCII), 0, padded, whole.length, 14);
        assertEquals(64, inspector.inspect(write(dir, "padded.jpg", padded)).width());
    }

    @Test
    void acceptsJpegFollowedByMoreThanTheTailOfOtherData() throws Exception {
        // "motion photos": phones append a whole video after the JPEG's end marker
        byte[] whole = jpeg(TestImages.photoLike(120, 90, 3), 90);
        byte[] video = new byte[300_000];
        new Random(11).nextBytes(video);
        byte[] motionPhoto = Arrays.copyOf(whole, whole.length + video.length);
        System.arraycopy(video, 0, motionPhoto, whole.length, video.length);
        assertEquals(120, inspector.inspect(write(dir, "motion.jpg", motionPhoto)).width());
    }

    @Test
    void refusesJpegCutJustBeforeItsEndMarker() {
        byte[] whole = jpeg(TestImages.photoLike(200, 150, 4), 90);
        assertRefused(Arrays.copyOf(whole, whole.length - 2), "truncated: JPEG ends before its end-of-image marker");
    }

    @Test
    void refusesTruncatedPng() {
        byte[] whole = encode(TestImages.photoLike(120, 90, 2), ImageFormat.PNG);
        assertRefused(Arrays.copyOf(whole, whole.length - 30), "truncated: PNG has no IEND chunk at its end");
    }

    @Test
    void refusesAbsurdDeclaredDimensions() {
        NotAnImageException e = assertThrows(NotAnImageException.class,
                () -> inspector.inspect(write(dir, "huge.png", TestImages.pngDeclaring(70_000, 10))));
        assertTrue(e.getMessage().startsWith("header declares absurd dimensions 70000x10"), e.getMessage());
    }

    @Test
    void refusesZeroDeclaredDimensions() {
        NotAnImageException e = assertThrows(NotAnImageException.class,
                () -> inspector.inspect(write(dir, "zero.jpg", TestImages.jpegDeclaring(0, 16))));
        assertTrue(e.getMessage().contains("0x16") || e.getMessage().startsWith("damaged"), e.getMessage());
    }

    @Test
    void reportsHugeButPlausibleDimensionsWithoutDecoding() throws Exception {
        ImageFacts facts = inspector.inspect(write(dir, "bomb.png", TestImages.pngDeclaring(50_000, 50_000)));
        assertEquals(2_500_000_000L, facts.pixels());
    }

    private void assertRefused(byte[] content, String reason) {
        NotAnImageException e = assertThrows(NotAnImageException.class,
                () -> inspector.inspect(write(dir, "upload.jpg", content)));
        assertEquals(reason, e.getMessage());
    }
}
