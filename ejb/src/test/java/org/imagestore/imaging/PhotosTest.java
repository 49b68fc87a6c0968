package org.imagestore.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
}
