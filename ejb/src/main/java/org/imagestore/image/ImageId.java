package org.imagestore.image;

import java.util.Optional;

/**
 * An image's id: the SHA-256 of its bytes in lowercase base32 (RFC 4648 alphabet, no padding), 52 characters,
 * URL-safe. The same bytes always give the same id; it never names a node. Its first two characters are the
 * {@linkplain #group() group} a load balancer can route by, and the folder its blob is sharded into.
 */
public record ImageId(String value) {

    private static final int LENGTH = 52;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    public ImageId {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not an image id: " + value);
        }
    }

    public static Optional<ImageId> parse(String value) {
        return wellFormed(value) ? Optional.of(new ImageId(value)) : Optional.empty();
    }

    /** 52 characters of {@code [a-z2-7]}; checked on every image request, so without a regular expression. */
    private static boolean wellFormed(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
                return false;
            }
        }
        return true;
    }

    public static ImageId ofSha256(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
        }
        StringBuilder out = new StringBuilder(52);
        int buffer = 0;
        int bits = 0;
        for (byte b : digest) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return new ImageId(out.toString());
    }

    public String group() {
        return value.substring(0, 2);
    }

    /** The path of the original in URLs: {@code /images/{id}}. */
    public String urlPath() {
        return "/images/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
