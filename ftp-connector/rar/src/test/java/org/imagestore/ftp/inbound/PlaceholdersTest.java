package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final String A = "imagestore.test.placeholders.a";
    private static final String B = "imagestore.test.placeholders.b";
    private static final String UNSET = "imagestore.test.placeholders.unset";

    @AfterEach
    void clearProperties() {
        System.clearProperty(A);
        System.clearProperty(B);
    }

    @Test
    void replacesASetProperty() {
        System.setProperty(A, "2121");
        assertEquals("2121", Placeholders.resolve("${" + A + "}"));
        assertEquals("port 2121 on node", Placeholders.resolve("port ${" + A + "} on node"));
    }

    @Test
    void aSetPropertyWinsOverItsDefault() {
        System.setProperty(A, "2121");
        assertEquals("2121", Placeholders.resolve("${" + A + ":21}"));
    }

    @Test
    void usesTheDefaultOfAnUnsetProperty() {
        assertEquals("30000-30099", Placeholders.resolve("${" + UNSET + ":30000-30099}"));
        assertEquals("", Placeholders.resolve("${" + UNSET + ":}"));
    }

    @Test
    void aDefaultMayItselfBeAPlaceholder() {
        System.setProperty(B, "/srv/staging");
        assertEquals("/srv/staging", Placeholders.resolve("${" + A + ":${" + B + ":/tmp}}"));
        System.clearProperty(B);
        assertEquals("/tmp", Placeholders.resolve("${" + A + ":${" + B + ":/tmp}}"));
        System.setProperty(A, "/data");
        assertEquals("/data", Placeholders.resolve("${" + A + ":${" + B + ":/tmp}}"));
    }

    @Test
    void replacesSeveralPlaceholdersInOneValue() {
        System.setProperty(A, "127.0.0.1");
        System.setProperty(B, "2121");
        assertEquals("127.0.0.1:2121", Placeholders.resolve("${" + A + "}:${" + B + "}"));
    }

    @Test
    void trimsTheResultAndTreatsNullAsEmpty() {
        System.setProperty(A, " 2121 ");
        assertEquals("2121", Placeholders.resolve("  ${" + A + "}  "));
        assertEquals("", Placeholders.resolve(null));
    }

    @Test
    void anUnsetPropertyWithoutDefaultIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Placeholders.resolve("${" + UNSET + "}"));
        assertEquals("system property " + UNSET + " is not set and has no default", e.getMessage());
    }

    @Test
    void parsesIntegers() {
        System.setProperty(A, "2121");
        assertEquals(2121, Placeholders.integer("port", "${" + A + ":21}"));
        assertEquals(268_435_456L, Placeholders.longInteger("maxUploadBytes", "${" + UNSET + ":268435456}"));
        assertEquals(10_000_000_000L, Placeholders.longInteger("maxUploadBytes", "10000000000"));
    }

    @Test
    void aValueThatIsNotANumberIsAnErrorNamingTheSetting() {
        System.setProperty(A, "21x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Placeholders.integer("port", "${" + A + "}"));
        assertEquals("port must be a number, not '21x'", e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Placeholders.longInteger("maxUploadBytes", "${" + UNSET + ":}"));
        assertEquals("maxUploadBytes must be a number, not ''", empty.getMessage());
    }

    @Test
    void anIntegerSettingRefusesANumberBeyondTheIntRange() {
        // 2^32 + 2121 must not wrap around to 2121 and listen on a port nobody configured
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Placeholders.integer("port", "4294969417"));
        assertEquals("port must be a number between -2147483648 and 2147483647, not '4294969417'", e.getMessage());
    }

    @Test
    void pathsAreResolvedToo() {
        System.setProperty(A, "/srv/staging");
        assertEquals(Path.of("/srv/staging/ftp"), Placeholders.path("${" + A + "}/ftp"));
    }
}
