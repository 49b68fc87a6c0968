package org.imagestore.bench.ftp;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes every upload of a repeated photo a different file. imagestore names an image by the SHA-256 of its
 * bytes and stores identical bytes once: re-sending the same folder would only add upload records and skip the
 * blob write, fsync and placement, and flatter the store. A few random bytes after the JPEG's end-of-image
 * marker change the digest without changing the picture; the store's completeness check only asks for the
 * marker near the end, and decoders ignore what follows it.
 */
final class UniqueBytes {

    static final int SUFFIX_LENGTH = 16;

    private UniqueBytes() {
    }

    /** The photo's bytes followed by {@link #SUFFIX_LENGTH} random bytes. */
    static InputStream withRandomSuffix(byte[] photo) {
        byte[] suffix = new byte[SUFFIX_LENGTH];
        ThreadLocalRandom.current().nextBytes(suffix);
        return new SequenceInputStream(new ByteArrayInputStream(photo), new ByteArrayInputStream(suffix));
    }
}
