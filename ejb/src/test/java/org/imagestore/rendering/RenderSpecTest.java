package org.imagestore.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.imagestore.imaging.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderSpecTest {

    private static final RenderLimits LIMITS = RenderLimits.DEFAULT;

    /** {@code "w=320&fit=cover"} as the map JAX-RS would give (no URL decoding needed for these tests). */
    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                map.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            }
        }
        return map;
    }

    private static RenderSpec parse(String query) {
        return RenderSpec.parse(query(query), LIMITS);
    }

    @Test
    void parsesEveryParameter() {
        RenderSpec spec = parse("w=320&h=200&fit=cover&crop=10,20,300,400&format=png");
        assertEquals(OptionalInt.of(320), spec.width());
        assertEquals(OptionalInt.of(200), spec.height());
        assertEquals(Fit.COVER, spec.fit());
        assertEquals(Optional.of(new Crop(10, 20, 300, 400)), spec.crop());
        assertEquals(Optional.of(ImageFormat.PNG), spec.format());
        assertEquals(OptionalInt.empty(), spec.quality(), "q does not apply to PNG");
    }

    @Test
    void noParametersIsTheOriginal() {
        assertTrue(parse("").isOriginal());
        assertTrue(parse("sig=abc123").isOriginal(), "sig is the caller's business");
        assertFalse(parse("w=10").isOriginal());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "w=0|w|must be an integer between 1 and 8192",
        "w=8193|w|must be an integer between 1 and 8192",
        "w=-5|w|must be an integer between 1 and 8192",
        "w=12px|w|must be an integer between 1 and 8192",
        "w=99999999999999|w|must be an integer between 1 and 8192",
        "w=1.5|w|must be an integer between 1 and 8192",
        "h=abc|h|must be an integer between 1 and 8192",
        "w=|w|must not be empty",
        "w=10&w=20|w|given more than once",
        "fit=stretch|fit|must be one of contain, cover, fill",
        "crop=1,2,3|crop|must be x,y,w,h: four integers with x,y >= 0 and w,h >= 1",
        "crop=1,2,0,4|crop|must be x,y,w,h: four integers with x,y >= 0 and w,h >= 1",
        "crop=-1,2,3,4|crop|must be x,y,w,h: four integers with x,y >= 0 and w,h >= 1",
        "crop=a,b,c,d|crop|must be x,y,w,h: four integers with x,y >= 0 and w,h >= 1",
        "format=svg|format|must be one of jpeg, png, gif, bmp, tiff, webp",
        "format=jp2|format|jpeg2000 can be read but not written; use one of jpeg, png, gif, bmp, tiff, webp",
        "format=webp&q=0|q|must be an integer between 1 and 100",
        "q=0|q|must be an integer between 1 and 100",
        "q=101|q|must be an integer between 1 and 100",
        "q=high|q|must be an integer between 1 and 100",
        "width=100|width|unknown parameter; known: w, h, fit, crop, format, q",
    })
    void rejectsBadValuesNamingTheParameter(String query, String parameter, String reason) {
        InvalidRenderParameterException e = assertThrows(InvalidRenderParameterException.class, () -> parse(query));
        assertEquals(parameter, e.parameter());
        assertEquals(reason, e.reason());
    }

    @Test
    void theOutputLimitIsConfigurable() {
        RenderLimits small = new RenderLimits(100, LIMITS.maxSourcePixels(), LIMITS.maxSourceBytes());
        InvalidRenderParameterException e = assertThrows(InvalidRenderParameterException.class,
                () -> RenderSpec.parse(query("h=101"), small));
        assertEquals("must be an integer between 1 and 100", e.reason());
    }

    @Test
    void keyIsCanonical() {
        assertEquals("w320-h0-contain-c0,0,0,0-jpeg-q85", parse("w=320&format=jpeg").key());
        assertEquals(parse("w=320&format=jpg").key(), parse("format=jpeg&w=320").key());
        assertEquals(parse("w=320&format=jpg"), parse("format=jpeg&w=320"));
        assertEquals(parse("w=320&q=85"), parse("w=320"), "85 is the default quality");
        assertEquals(parse("w=320&fit=cover"), parse("w=320"), "fit needs a box: with w alone it changes nothing");
        assertEquals(parse("w=320&format=png&q=40"), parse("w=320&format=png"), "q is for JPEG only");
        assertEquals("w100-h50-cover-c1,2,3,4-auto-q60", parse("crop=1,2,3,4&q=60&fit=cover&h=50&w=100").key());
        assertEquals("w0-h0-contain-c0,0,0,0-gif", parse("format=gif").key());
    }

    @Test
    void webpTakesAQualityAsJpegDoes() {
        assertEquals("w320-h0-contain-c0,0,0,0-webp-q85", parse("w=320&format=webp").key());
        assertEquals(parse("w=320&format=webp&q=85"), parse("w=320&format=webp"), "85 is the default quality");
        assertEquals(OptionalInt.of(40), parse("format=webp&q=40").quality());
        assertEquals("w320-h0-contain-c0,0,0,0-webp-q40", parse("q=40&w=320&format=WEBP").key());
        assertEquals("w=320&fit=contain&format=webp&q=40", parse("w=320&format=webp&q=40").query());
        assertNotEquals(parse("w=320&format=webp&q=40").key(), parse("w=320&format=jpeg&q=40").key());
        assertNotEquals(parse("w=320&format=webp").key(), parse("w=320").key(), "no format never means webp");
    }

    @Test
    void differentRenditionsHaveDifferentKeys() {
        assertNotEquals(parse("w=320").key(), parse("h=320").key());
        assertNotEquals(parse("w=320&h=100").key(), parse("w=320&h=100&fit=fill").key());
        assertNotEquals(parse("w=320&q=80").key(), parse("w=320").key());
        assertNotEquals(parse("w=320").key(), parse("w=320&format=jpeg").key(), "auto may turn out PNG or GIF");
    }

    @Test
    void acceptsCaseInsensitiveNamesOfValues() {
        assertEquals(Fit.FILL, parse("w=1&h=1&fit=FILL").fit());
        assertEquals(Optional.of(ImageFormat.TIFF), parse("format=TIF").format());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"w=320", "h=10&w=20&fit=cover", "crop=1,2,30,40&format=png",
        "w=64&q=50", "w=64&q=85", "h=100&format=jpeg&q=20", "w=5&fit=fill", "w=320&format=webp&q=40",
        "format=webp"})
    void theQueryOfASpecParsesBackToIt(String url) {
        RenderSpec spec = parse(url);
        assertEquals(spec, parse(spec.query()));
        assertEquals(spec.key(), parse(spec.query()).key());
    }
}
