package org.imagestore.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void regexCharactersStandForThemselves() {
        assertTrue(Glob.of("cam.(1)+").matches("cam.(1)+"));
        assertFalse(Glob.of("cam.1").matches("camx1"));
        assertFalse(Glob.of("a*").matches(null));
    }

    @Test
    void theSqlFormEscapesLikeWildcards() {
        assertEquals("cam\\_%", Glob.of("cam_*").sqlLike());
        assertEquals("100\\%_", Glob.of("100%?").sqlLike());
        assertEquals("a\\\\b", Glob.of("a\\b").sqlLike());
    }
}
