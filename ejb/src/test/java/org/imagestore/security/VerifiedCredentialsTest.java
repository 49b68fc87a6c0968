package org.imagestore.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final String HASH = "PBKDF2WithHmacSHA512:210000:c2FsdA==:aGFzaA==";

    private final VerifiedCredentials credentials = new VerifiedCredentials();

    @Test
    void remembersAVerifiedPassword() {
        assertFalse(credentials.recentlyVerified(HASH, "password-1"));
        credentials.verified(HASH, "password-1");
        assertTrue(credentials.recentlyVerified(HASH, "password-1"));
    }

    @Test
    void anotherPasswordIsNotVerified() {
        credentials.verified(HASH, "password-1");
        assertFalse(credentials.recentlyVerified(HASH, "password-2"));
        assertFalse(credentials.recentlyVerified(HASH, "password-1 "));
    }

    @Test
    void aChangedHashForgetsTheOldPassword() {
        credentials.verified(HASH, "password-1");
        assertFalse(credentials.recentlyVerified(HASH + "x", "password-1"));
    }

    @Test
    void theHashAndPasswordCannotBeShiftedIntoEachOther() {
        credentials.verified("hash", "password");
        assertFalse(credentials.recentlyVerified("hashp", "assword"));
        assertFalse(credentials.recentlyVerified("has", "hpassword"));
    }

    @Test
    void eachInstanceHasItsOwnMemory() {
        credentials.verified(HASH, "password-1");
        assertFalse(new VerifiedCredentials().recentlyVerified(HASH, "password-1"));
    }

    @Test
    void forgetsTheLeastRecentlyUsedBeyondTenThousand() {
        for (int i = 0; i < 10_000; i++) {
            credentials.verified(HASH, "password-" + i);
        }
        assertTrue(credentials.recentlyVerified(HASH, "password-0"), "used again: now the most recent");

        credentials.verified(HASH, "password-10000");

        assertTrue(credentials.recentlyVerified(HASH, "password-0"));
        assertFalse(credentials.recentlyVerified(HASH, "password-1"), "the least recently used is forgotten");
        assertTrue(credentials.recentlyVerified(HASH, "password-2"));
        assertTrue(credentials.recentlyVerified(HASH, "password-10000"));
    }
}
