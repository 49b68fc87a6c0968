package org.imagestore.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeSpecTest {

    @Test
    void parsesVolumesWithAndWithoutCapacity() {
        assertEquals(List.of(new VolumeSpec(Path.of("/srv/images1"), OptionalLong.of(500L << 30)),
                        new VolumeSpec(Path.of("/srv/images2"), OptionalLong.empty())),
                VolumeSpec.parseAll(" /srv/images1@500G , /srv/images2 ,"));
    }

    @Test
    void pathsBecomeAbsoluteAndNormalised() {
        assertEquals(List.of(new VolumeSpec(Path.of("vol").toAbsolutePath(), OptionalLong.of(1024))),
                VolumeSpec.parseAll("data/../vol@1K"));
        assertEquals(Path.of("/srv/a"), VolumeSpec.parseAll("/srv/./x/../a/").getFirst().root());
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({
        "800,        800",
        "1K,         1024",
        "1k,         1024",
        "800M,       838860800",
        "500G,       536870912000",
        "2T,         2199023255552",
        "2t,         2199023255552",
        "' 5 G ',    5368709120",
        "8388607T,   9223370937343148032",
    })
    void capacitiesAreBinaryMultiples(String text, long bytes) {
        assertEquals(bytes, VolumeSpec.parseSize(text));
        assertEquals(OptionalLong.of(bytes), VolumeSpec.parseAll("/srv/a@" + text).getFirst().capacityBytes());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "G", "0", "0G", "-1G", "1.5G", "500GB", "500P", "lots", "9223372036854775808"})
    void refusesWhatIsNotACapacity(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VolumeSpec.parseSize(text));
        assertEquals("not a volume capacity: '" + text + "' (use e.g. 500G, 2T, 800M)", e.getMessage());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"8388608T", "16777217T", "9007199254740993K"})
    void refusesACapacityTooLargeToCountInsteadOfWrappingAround(String text) {
        // 16777217T is 2^64 + 2^40 bytes: wrapped around it would pass as 1T
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VolumeSpec.parseSize(text));
        assertEquals("not a volume capacity: '" + text + "' (use e.g. 500G, 2T, 800M)", e.getMessage());
    }

    @Test
    void aBadCapacityFailsTheWholeConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> VolumeSpec.parseAll("/srv/a@1T,/srv/b@1X"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", ",", " , ,"})
    void refusesAConfigurationWithoutVolumes(String config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VolumeSpec.parseAll(config));
        assertEquals("imagestore.volumes names no volume", e.getMessage());
    }
}
