package org.imagestore.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"cam1", "a", "7", "gate-3.north_side", "0..--__"})
    void acceptsLowercaseLettersDigitsDotsDashesAndUnderscores(String name) {
        assertEquals(name, new SourceName(name).value());
        assertEquals(name, new SourceName(name).toString());
    }

    @Test
    void acceptsSixtyFourCharactersAndNoMore() {
        assertEquals(64, new SourceName("c".repeat(64)).value().length());
        assertThrows(InvalidSourceException.class, () -> new SourceName("c".repeat(65)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Cam1", "CAM", "-cam", ".cam", "_cam", "cam 1", "cam/1", "cam:1", "caméra", "cam1\n", " cam1"})
    void refusesOtherNamesSayingWhichFieldAndWhy(String name) {
        InvalidSourceException e = assertThrows(InvalidSourceException.class, () -> new SourceName(name));
        assertEquals("name", e.field());
        assertEquals("must be 1-64 characters: lowercase letters, digits, '.', '-', '_' (starting with a letter or digit)",
                e.getMessage());
    }
}
