package org.imagestore.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void refusesFewerThanEightCharacters() {
        assertEquals("must have at least 8 characters", PasswordHashing.weakness(null));
        assertEquals("must have at least 8 characters", PasswordHashing.weakness(""));
        assertEquals("must have at least 8 characters", PasswordHashing.weakness("1234567"));
    }

    @Test
    void acceptsEightTo256Characters() {
        assertNull(PasswordHashing.weakness("12345678"));
        assertNull(PasswordHashing.weakness("        "));
        assertNull(PasswordHashing.weakness("p".repeat(256)));
    }

    @Test
    void refusesMoreThan256Characters() {
        assertEquals("must have at most 256 characters", PasswordHashing.weakness("p".repeat(257)));
    }
}
