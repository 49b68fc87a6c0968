package org.imagestore.imaging;

import java.io.IOException;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

/**
 * Cheap checks that a file was not cut short in transfer (a camera losing its connection mid-upload), reading
 * the marker structure and the tail only, never the compressed data. Only JPEG and PNG have an end marker that
 * every encoder writes; the other formats are taken as they come.
 */
final class Completeness {

    /** How far from the end an end marker may sit: some cameras pad or append vendor data after it. */
    static final int TAIL = 64 * 1024;

    private static final byte[] PNG_IEND = {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final byte[] JPEG_EOI = {(byte) 0xFF, (byte) 0xD9};

    private Completeness() {
    }

    /** Why the file is incomplete, or empty when it looks whole. */
    static Optional<String> problem(ImageFormat format, ImageInputStream in, long length) throws IOException {
        return switch (format) {
            case JPEG -> jpeg(in, length);
            case PNG -> lastIndexOf(in, length, 8, PNG_IEND) < 0
                    ? Optional.of("truncated: PNG has no IEND chunk at its end") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * The EOI marker must follow the first scan. Searching only after the SOS matters for small files: the EXIF
     * thumbnail at the start carries an EOI of its own.
     */
    private static Optional<String> jpeg(ImageInputStream in, long length) throws IOException {
        long scan = firstScan(in, length);
        if (scan < 0) {
            return Optional.of("truncated: JPEG ends before its image data");
        }
        return lastIndexOf(in, length, scan, JPEG_EOI) < 0
                ? Optional.of("truncated: JPEG has no end-of-image marker") : Optional.empty();
    }

    /** Offset of the first SOS marker, walking the segment lengths from SOI; -1 if the file ends first. */
    private static long firstScan(ImageInputStream in, long length) throws IOException {
        long pos = 2;
        while (pos + 4 <= length) {
            in.seek(pos);
            if (in.read() != 0xFF) {
                return -1;
            }
            int marker = in.read();
            while (marker == 0xFF) { // fill bytes
                marker = in.read();
                pos++;
            }
            if (marker == 0xDA) {
                return pos;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            pos += 2 + in.readUnsignedShort();
        }
        return -1;
    }

    private static long lastIndexOf(ImageInputStream in, long length, long notBefore, byte[] pattern) throws IOException {
        long from = Math.max(notBefore, length - TAIL);
        if (from >= length) {
            return -1;
        }
        byte[] tail = new byte[(int) (length - from)];
        in.seek(from);
        in.readFully(tail);
        outer:
        for (int i = tail.length - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (tail[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return from + i;
        }
        return -1;
    }
}
