package org.imagestore.web.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    private static final long LENGTH = 1000;

    private static Optional<ByteRange> parse(String header) {
        return ByteRange.parse(header, LENGTH);
    }

    @ParameterizedTest(name = "{0} is {1}-{2}")
    @CsvSource(delimiter = '|', value = {
        "bytes=0-99      | 0   | 99",
        "bytes=0-0       | 0   | 0",
        "bytes=999-999   | 999 | 999",
        "bytes=100-      | 100 | 999",
        "bytes=-100      | 900 | 999",
        "bytes=-1        | 999 | 999",
        "bytes=-1000     | 0   | 999",
        "bytes=-5000     | 0   | 999",
        "bytes=500-5000  | 500 | 999",
        "bytes=0-999     | 0   | 999",
        "bytes= 10 - 19  | 10  | 19",
    })
    void parsesASingleRange(String header, long first, long last) {
        assertEquals(Optional.of(new ByteRange(first, last)), parse(header));
    }

    @Test
    void describesItsContentRange() {
        ByteRange range = parse("bytes=-100").orElseThrow();
        assertTrue(range.satisfiable());
        assertEquals(100, range.length());
        assertEquals("bytes 900-999/1000", range.contentRange(LENGTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-1000", "bytes=5000-6000", "bytes=-0"})
    void aRangeWhollyPastTheEndIsUnsatisfiable(String header) {
        assertEquals(Optional.of(ByteRange.UNSATISFIABLE), parse(header));
        assertFalse(ByteRange.UNSATISFIABLE.satisfiable());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "", "bytes=", "bytes=0-1,5-6", "bytes=-5,0-1", "bytes=5", "bytes=abc-def", "bytes=1.5-2", "bytes=20-10",
        "items=0-99", "0-99", "bytes 0-99",
    })
    void anythingElseMeansTheWholeFile(String header) {
        assertEquals(Optional.empty(), parse(header));
    }
}
