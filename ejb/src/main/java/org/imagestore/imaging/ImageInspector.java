package org.imagestore.imaging;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Judges a file by its content: format, dimensions, orientation and EXIF facts, reading headers and
 * metadata only. Rejects what is not an accepted image, and images whose header is inconsistent
 * (e.g. a truncated file). Thread-safe.
 */
public final class ImageInspector {

    /** Largest side for formats whose header fields are 16-bit (JPEG, GIF) or that we hold to the same sanity bound. */
    static final int MAX_SIDE = 65_535;
    /** Tiled formats made for huge scans and maps may exceed 2^16 on a side. */
    static final int MAX_SIDE_TILED = 1 << 20;
    /** VP8/VP8L store sides in 14 bits. */
    public static final int MAX_SIDE_WEBP = 16_383;

    private final Codecs codecs;

    public ImageInspector() {
        this(Codecs.standard());
    }

    public ImageInspector(Codecs codecs) {
        this.codecs = codecs;
    }

    /** @throws NotAnImageException with a reason a camera operator can read */
    public ImageFacts inspect(Path file) throws NotAnImageException {
        try {
            long length = Files.size(file);
            if (length == 0) {
                throw new NotAnImageException("empty file");
            }
            ImageFormat format;
            int width;
            int height;
            try (ImageInputStream in = Codecs.open(file)) {
                format = codecs.recognise(in).orElseThrow(() -> notAnImage(in, length));
                in.setByteOrder(ByteOrder.BIG_ENDIAN);
                Optional<String> incomplete = Completeness.problem(format, in, length);
                if (incomplete.isPresent()) {
                    throw new NotAnImageException(incomplete.get());
                }
                in.seek(0);
                int[] size = headerSize(format, in);
                width = size[0];
                height = size[1];
            }
            checkSides(format, width, height);
            ExifFacts exif = ExifFacts.read(file, format);
            return new ImageFacts(format, width, height, exif.orientation(), exif.captureTime(), exif.cameraMake(),
                    exif.cameraModel(), exif.location());
        } catch (IOException e) {
            throw new NotAnImageException("unreadable file: " + e.getMessage(), e);
        }
    }

    /** Width and height from the codec's header parsing; no pixel is decoded. */
    private int[] headerSize(ImageFormat format, ImageInputStream in) throws NotAnImageException, IOException {
        ImageReader reader = codecs.reader(format);
        try {
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException damaged) {
            throw new NotAnImageException("damaged " + format.parameterName().toUpperCase(java.util.Locale.ROOT)
                    + " header: " + damaged.getMessage(), damaged);
        } finally {
            reader.dispose();
        }
    }

    private static void checkSides(ImageFormat format, int width, int height) throws NotAnImageException {
        int max = switch (format) {
            case TIFF, JPEG2000 -> MAX_SIDE_TILED;
            case WEBP -> MAX_SIDE_WEBP;
            default -> MAX_SIDE;
        };
        if (width <= 0 || height <= 0) {
            throw new NotAnImageException("header declares an empty image: " + width + "x" + height);
        }
        if (width > max || height > max) {
            throw new NotAnImageException("header declares absurd dimensions " + width + "x" + height
                    + " (at most " + max + " px on a side)");
        }
    }

    private static NotAnImageException notAnImage(ImageInputStream in, long length) {
        byte[] head = new byte[(int) Math.min(length, 512)];
        try {
            in.seek(0);
            in.readFully(head);
        } catch (IOException e) {
            return new NotAnImageException("not an image: unreadable content", e);
        }
        return new NotAnImageException("not an image: content looks like " + ContentDescription.of(head, head.length));
    }
}
