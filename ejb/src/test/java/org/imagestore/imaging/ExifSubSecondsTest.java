package org.imagestore.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifSubSecondsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "868104, 868104000",
        "52, 520000000",
        "' 33 ', 330000000",
        "0, 0",
        "123456789, 123456000", // kept to the microsecond, like the catalogue
        "1234567890, 0",        // more digits than a nanosecond: not a sub-second value
        "12a, 0",
        "-, 0",
    })
    void digitsAfterTheSecondBecomeNanoseconds(String digits, int nanos) {
        assertEquals(nanos, ExifFacts.subSecondNanos(Optional.ofNullable(digits)));
    }
}
