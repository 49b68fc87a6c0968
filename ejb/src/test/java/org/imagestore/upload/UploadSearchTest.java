package org.imagestore.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.imagestore.upload.UploadSearch.Cursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cursor of {@link UploadSearch}; the search itself needs a database (see the in-container tests). */
class UploadSearchTest {

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCursorSurvivesItsRoundTripToTheNanosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-21T08:15:30.123456789Z"), 4711);
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void aCursorBeforeTheEpochSurvivesItsRoundTrip() {
        Cursor cursor = new Cursor(Instant.parse("1969-12-31T23:59:59.5Z"), 1);
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void theEncodingIsUrlSafe() {
        String encoded = new Cursor(Instant.ofEpochSecond(1_800_000_000L, 999_999_999), Long.MAX_VALUE).encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        assertEquals("1800000000.999999999:" + Long.MAX_VALUE,
                new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"!!!", "not a cursor", "MTIz"}) // MTIz is "123"
    void garbageIsNotACursor(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text));
        assertEquals("not a cursor returned by this store", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1800000000.5", "1800000000:7", "x.5:7", "1800000000.x:7", "1800000000.5:x", "5:1.2", "1.2:3:4"})
    void wellEncodedTextThatIsNotACursorIsRefused(String raw) {
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(base64(raw)));
    }
}
