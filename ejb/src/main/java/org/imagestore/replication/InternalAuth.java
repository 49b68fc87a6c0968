package org.imagestore.replication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks node-to-node requests: {@code X-Imagestore-Auth: <node> <epoch seconds> <signature>}, the
 * signature being base64url(HMAC-SHA256(cluster secret, method, path and query, node, time)). The secret never
 * travels; a captured header is good for one request line and {@value #MAX_SKEW_SECONDS} s. The path is taken as
 * sent and the query decoded ({@link #requestLine}): servers may re-encode characters such as {@code ,}.
 */
public final class InternalAuth {

    public static final String HEADER = "X-Imagestore-Auth";
    static final long MAX_SKEW_SECONDS = 120;

    private InternalAuth() {
    }

    /** The signed form of a request's target: its raw path, and its query decoded. */
    public static String requestLine(java.net.URI uri) {
        return uri.getRawPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    public static String sign(String secret, String node, String method, String pathAndQuery, long epochSeconds) {
        return node + " " + epochSeconds + " " + signature(secret, node, method, pathAndQuery, epochSeconds);
    }

    /** @return the calling node, if the header is right for this request and recent */
    public static Optional<String> verify(String secret, String header, String method, String pathAndQuery,
                                          long nowEpochSeconds) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.trim().split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        long at;
        try {
            at = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Math.abs(nowEpochSeconds - at) > MAX_SKEW_SECONDS) {
            return Optional.empty();
        }
        byte[] expected = signature(secret, parts[0], method, pathAndQuery, at).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(parts[0]) : Optional.empty();
    }

    private static String signature(String secret, String node, String method, String pathAndQuery, long at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((method + " " + pathAndQuery + " " + node + " " + at).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
