package org.imagestore.it.e2e;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random text for names and contents that no other test (nor an earlier run on the same store) uses. */
final class Unique {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Unique() {
    }

    /** {@code bytes} random bytes as lowercase hex. */
    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
