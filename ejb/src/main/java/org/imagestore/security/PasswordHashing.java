package org.imagestore.security;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * PBKDF2 (HMAC-SHA512, 210 000 iterations, OWASP's 2023 figure) through Jakarta Security's standard
 * {@link Pbkdf2PasswordHash}. The stored form names its own algorithm and iterations, so raising them later
 * keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 256;

    @Inject
    private Pbkdf2PasswordHash pbkdf2;
    @Inject
    private VerifiedCredentials verified;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
    }

    /** @return the reason the password is refused, or null when it is acceptable */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must have at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "must have at most " + MAX_LENGTH + " characters";
        }
        return null;
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /**
     * Whether the password matches the stored hash. A match is remembered for a while (see
     * {@link VerifiedCredentials}): cameras log in for every picture, and admin clients authenticate every
     * request, and a key derivation costs about 100 ms of CPU each time.
     */
    public boolean verify(String password, String storedHash) {
        if (verified.recentlyVerified(storedHash, password)) {
            return true;
        }
        boolean matches = pbkdf2.verify(password.toCharArray(), storedHash);
        if (matches) {
            verified.verified(storedHash, password);
        }
        return matches;
    }
}
