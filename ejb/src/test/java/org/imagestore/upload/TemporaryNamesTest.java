package org.imagestore.upload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemporaryNamesTest {

    private static final TemporaryNames DEFAULTS = new TemporaryNames(".tmp,.part,.partial,.filepart,.crdownload,.temp");

    @ParameterizedTest
    @ValueSource(strings = {"x.tmp", "x.jpg.tmp", "X.TMP", "x.Part", "x.partial", "x.filepart", "x.crdownload", "x.temp", ".tmp"})
    void namesEndingInATemporarySuffixAreTemporary(String name) {
        assertTrue(DEFAULTS.isTemporary(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.jpg", "x.tmp.jpg", "tmp", "xtmp", "x.tmpx", "x.parts", ""})
    void otherNamesAreFinal(String name) {
        assertFalse(DEFAULTS.isTemporary(name));
    }

    @Test
    void suffixesAreTrimmedLowerCasedAndEmptyOnesIgnored() {
        TemporaryNames names = new TemporaryNames(" .UPLOADING , ,.x ,");
        assertTrue(names.isTemporary("a.uploading"));
        assertTrue(names.isTemporary("a.X"));
        assertFalse(names.isTemporary("a.tmp"));
        assertFalse(names.isTemporary("a.jpg"), "an empty entry does not make every name temporary");
    }

    @Test
    void anEmptyListMakesNoNameTemporary() {
        assertFalse(new TemporaryNames("").isTemporary("x.tmp"));
    }
}
