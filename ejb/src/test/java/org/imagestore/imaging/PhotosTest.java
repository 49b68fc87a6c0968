package org.imagestore.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.imagestore.rendering.ImageRenderer;
import org.imagestore.rendering.RenderLimits;
import org.imagestore.rendering.RenderSpec;
import org.imagestore.rendering.Rendition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real photographs under {@code src/test/resources/photos} (facts as listed in its README). */
class PhotosTest {

    private static Path photo(String name) throws Exception {
        return Path.of(PhotosTest.class.getResource("/photos/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // file | format | make | model | DateTimeOriginal | lat | lon | altitude | orientation | w | h
        "xiaomi-mi-a3-gps.jpg | JPEG | Xiaomi | Mi A3 | 2020-06-08T11:16:13.868104 | -15.8349490 | -48.0233560 | 1104.871 | 1 | 800 | 600",
        "xiaomi-mi-a3-orientation3-gps.jpg | JPEG | Xiaomi | Mi A3 | 2020-01-24T23:11:53.332084 | -15.8356700 | -48.0155640 | 1134.113 | 3 | 800 | 600",
        "sony-nex3n-gps.jpg | JPEG | SONY | NEX-3N | 2014-04-29T14:25:26 | 56.1559951 | 10.2082048 | - | 1 | 400 | 250",
        "canon-eos70d.jpg | JPEG | Canon | Canon EOS 70D | 2015-10-29T15:44:44.52 | - | - | - | 1 | 400 | 250",
        "orientation6-portrait.jpg | JPEG | - | - | - | - | - | - | 6 | 1800 | 1200",
        "nikon-d700.png | PNG | NIKON CORPORATION | NIKON D700 | 2018-03-31T10:01:03.33 | - | - | - | 1 | 500 | 500",
        "sony-dslr-a100.webp | WEBP | SONY | DSLR-A100 | 2007-06-02T20:15:20 | - | - | - | 1 | 400 | 600",
        "oregon-scientific-ds6639.tif | TIFF | - | - | - | - | - | - | 1 | 300 | 225",
        "oregon-scientific-ds6639.gif | GIF | - | - | - | - | - | - | 1 | 300 | 225",
    })
    void extractsTheirFacts(String file, ImageFormat format, String make, String model, String taken, Double latitude,
                            Double longitude, Double altitude, int orientation, int width, int height) throws Exception {
        ImageFacts facts = new ImageInspector().inspect(photo(file));
        assertEquals(format, facts.format());
        assertEquals(Optional.ofNullable(make), facts.cameraMake());
        assertEquals(Optional.ofNullable(model), facts.cameraModel());
        assertEquals(Optional.ofNullable(taken).map(LocalDateTime::parse), facts.captureTime().map(CaptureTime::local));
        assertEquals(orientation, facts.orientation());
        assertEquals(width, facts.width());
        assertEquals(height, facts.height());
        if (latitude == null) {
            assertEquals(Optional.empty(), facts.location());
        } else {
            GeoPoint where = facts.location().orElseThrow();
            assertEquals(latitude, where.latitude(), 1e-6);
            assertEquals(longitude, where.longitude(), 1e-6);
            assertEquals(Optional.ofNullable(altitude).map(a -> Math.round(a * 1000)),
                    where.altitude().map(a -> Math.round(a * 1000)));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "xiaomi-mi-a3-gps.jpg | 200 | 150 | JPEG",
        "xiaomi-mi-a3-orientation3-gps.jpg | 200 | 150 | JPEG",
        "sony-nex3n-gps.jpg | 200 | 125 | JPEG",
        "orientation6-portrait.jpg | 200 | 300 | JPEG",
        "nikon-d700.png | 200 | 200 | PNG",
        "sony-dslr-a100.webp | 200 | 300 | JPEG",
        "oregon-scientific-ds6639.tif | 200 | 150 | TIFF",
        "oregon-scientific-ds6639.gif | 200 | 150 | GIF",
    })
    void renderUprightAndRepeatably(String file, int width, int height, ImageFormat format) throws Exception {
        ImageRenderer renderer = new ImageRenderer(RenderLimits.DEFAULT);
        RenderSpec spec = RenderSpec.parse(Map.of("w", List.of("200")), RenderLimits.DEFAULT);
        Rendition r = renderer.render(photo(file), spec);
        assertEquals(width, r.width());
        assertEquals(height, r.height());
        assertEquals(format, r.format());
        assertArrayEquals(r.bytes(), renderer.render(photo(file), spec).bytes());
        assertTrue(r.bytes().length > 1000);
    }

    /**
     * The render shows the photo the way its EXIF orientation says: it matches the raw pixels turned that way far
     * better than turned any other way of the same shape (so a wrong turn, say 180 degrees for 3, cannot pass).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "xiaomi-mi-a3-orientation3-gps.jpg | 3 | 1, 2, 4",
        "orientation6-portrait.jpg | 6 | 5, 7, 8",
    })
    void renderShowsThePhotoTurnedAsItsExifSays(String file, int orientation, String others) throws Exception {
        Rendition r = new ImageRenderer(RenderLimits.DEFAULT)
                .render(photo(file), RenderSpec.parse(Map.of("w", List.of("200")), RenderLimits.DEFAULT));
        BufferedImage rendered = ImageIO.read(new ByteArrayInputStream(r.bytes()));
        BufferedImage raw = ImageIO.read(photo(file).toFile()); // Image I/O ignores the EXIF orientation

        double right = meanDifference(rendered, turned(raw, orientation, rendered.getWidth(), rendered.getHeight()));
        for (String other : others.split(",")) {
            int wrong = Integer.parseInt(other.trim());
            double difference = meanDifference(rendered, turned(raw, wrong, rendered.getWidth(), rendered.getHeight()));
            assertTrue(right * 2 < difference, () -> "orientation " + orientation + " rendered closer to " + wrong
                    + " than expected: " + right + " vs " + difference);
        }
        assertTrue(right < 12, () -> "the render differs from the raw photo turned right by " + right + " per channel");
    }

    /** The raw image scaled and turned by an EXIF orientation so that it comes out {@code width x height}. */
    private static BufferedImage turned(BufferedImage raw, int orientation, int width, int height) {
        boolean transposes = orientation >= 5;
        int sw = transposes ? height : width;
        int sh = transposes ? width : height;
        BufferedImage scaled = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(raw.getScaledInstance(sw, sh, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] source = switch (orientation) {
                    case 1 -> new int[] {x, y};
                    case 2 -> new int[] {sw - 1 - x, y};
                    case 3 -> new int[] {sw - 1 - x, sh - 1 - y};
                    case 4 -> new int[] {x, sh - 1 - y};
                    case 5 -> new int[] {y, x};
                    case 6 -> new int[] {y, sh - 1 - x};
                    case 7 -> new int[] {sw - 1 - y, sh - 1 - x};
                    case 8 -> new int[] {sw - 1 - y, x};
                    default -> throw new IllegalArgumentException("orientation " + orientation);
                };
                out.setRGB(x, y, scaled.getRGB(source[0], source[1]));
            }
        }
        return out;
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
