package org.imagestore.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which (stored hash, password) pairs verified recently. Keys are an HMAC under a per-process random
 * key, so the passwords themselves are never kept. Because the stored hash is part of the key, a password
 * change invalidates old entries by itself, on every node, without any messaging.
 */
@ApplicationScoped
public class VerifiedCredentials {

    private static final int CAPACITY = 10_000;
    private static final long TIME_TO_LIVE_MILLIS = 10 * 60 * 1000L;

    private final byte[] key = new byte[32];
    private final Map<String, Long> verifiedAt = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    public synchronized boolean recentlyVerified(String storedHash, String password) {
        Long at = verifiedAt.get(fingerprint(storedHash, password));
        return at != null && System.currentTimeMillis() - at < TIME_TO_LIVE_MILLIS;
    }

    public synchronized void verified(String storedHash, String password) {
        verifiedAt.put(fingerprint(storedHash, password), System.currentTimeMillis());
    }

    private String fingerprint(String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
