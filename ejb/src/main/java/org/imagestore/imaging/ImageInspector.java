package org.imagestore.imaging;

import java.nio.file.Path;

/**
 * Judges a file by its content: format, dimensions, orientation and EXIF facts, reading headers and
 * metadata only. Rejects what is not an accepted image, and images whose header is inconsistent
 * (e.g. a truncated file). Thread-safe.
 */
public final class ImageInspector {

    /** @throws NotAnImageException with a reason a camera operator can read */
    public ImageFacts inspect(Path file) throws NotAnImageException {
        throw new UnsupportedOperationException("being written");
    }
}
