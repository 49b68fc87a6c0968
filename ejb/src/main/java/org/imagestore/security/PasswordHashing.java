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

    /** A hash of a random password, checked against when there is no account: see {@link #verifyOrSpend}. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
        decoy = pbkdf2.generate(java.util.UUID.randomUUID().toString().toCharArray());
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
    /**
     * As {@link #verify}, and for an account that does not exist (no hash) the same key derivation against a
     * decoy, so that a login for an unknown name costs and takes what a wrong password does: no telling which
     * names exist from the time of the answer.
     */
    public boolean verifyOrSpend(String password, java.util.Optional<String> storedHash) {
        if (storedHash.isEmpty()) {
            pbkdf2.verify(password.toCharArray(), decoy);
            return false;
        }
        return verify(password, storedHash.get());
    }

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
