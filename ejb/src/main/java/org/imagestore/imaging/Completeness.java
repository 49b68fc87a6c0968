package org.imagestore.imaging;

import java.io.IOException;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

import org.imagestore.imaging.jpeg.FfBytes;

/**
 * Cheap checks that a file was not cut short in transfer (a camera losing its connection mid-upload), reading
 * the marker structure (JPEG) or the tail (PNG), never decoding anything. Only JPEG and PNG have an end marker that
 * every encoder writes; the other formats are taken as they come.
 */
final class Completeness {

    /** How far from the end a PNG's IEND may sit: some writers pad or append vendor data after it. */
    static final int TAIL = 64 * 1024;

    private static final byte[] PNG_IEND = {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

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
     * Walks from the first scan to the end-of-image marker: entropy-coded data (where {@code FF} is followed by
     * a stuffed {@code 00} or a restart marker), then markers and further scans (progressive files), until
     * EOI. Data after the EOI is fine: phones append whole videos to "motion photos". A file that ends before
     * its EOI was cut short. The walk is a sequential read of the file, a few milliseconds for a 12 MP photo.
     */
    private static Optional<String> jpeg(ImageInputStream in, long length) throws IOException {
        long scan = firstScan(in, length);
        if (scan < 0) {
            return Optional.of("truncated: JPEG ends before its image data");
        }
        return reachesEndOfImage(new Window(in, length), scan) ? Optional.empty()
                : Optional.of("truncated: JPEG ends before its end-of-image marker");
    }

    /** {@code pos} is the offset of a marker's FF. */
    private static boolean reachesEndOfImage(Window file, long pos) throws IOException {
        while (true) {
            int marker = file.at(pos + 1);
            while (marker == 0xFF) { // fill bytes
                pos++;
                marker = file.at(pos + 1);
            }
            if (marker < 0) {
                return false;
            }
            if (marker == 0xD9) {
                return true;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            int high = file.at(pos + 2);
            int low = file.at(pos + 3);
            if (low < 0 || ((high << 8) | low) < 2) {
                return false;
            }
            pos += 2 + ((high << 8) | low);
            if (marker == 0xDA) {
                pos = file.nextMarker(pos);
                if (pos < 0) {
                    return false;
                }
            }
        }
    }

    /** Buffered random access over the stream: one read per 64 KiB, not one per byte. */
    private static final class Window {
        private final ImageInputStream in;
        private final long length;
        private final byte[] buffer = new byte[64 * 1024];
        private long start = -1;
        private int filled;

        Window(ImageInputStream in, long length) {
            this.in = in;
            this.length = length;
        }

        /** The byte at {@code pos}, or -1 past the end. */
        int at(long pos) throws IOException {
            if (pos >= length || pos < 0) {
                return -1;
            }
            if (start < 0 || pos < start || pos >= start + filled) {
                in.seek(pos);
                filled = (int) Math.min(buffer.length, length - pos);
                in.readFully(buffer, 0, filled);
                start = pos;
            }
            return buffer[(int) (pos - start)] & 0xFF;
        }

        /**
         * Offset of the next marker in entropy-coded data from {@code pos}, or -1 if the file ends first. This is
         * where the whole compressed image is read, so it scans the buffer directly, eight bytes at a time.
         */
        long nextMarker(long pos) throws IOException {
            long p = pos;
            while (at(p) >= 0) {
                int i = (int) (p - start);
                int last = filled - 1; // a marker is two bytes: look at pairs that lie wholly in the window
                while ((i = FfBytes.indexOf(buffer, i, last)) < last) {
                    if (endsScan(buffer[i + 1] & 0xFF)) {
                        return start + i;
                    }
                    i++;
                }
                p = start + i; // the window's last byte: reload so that it and its follower are read together
                if (p + 1 >= length) {
                    return -1;
                }
                if (at(p) == 0xFF && endsScan(at(p + 1))) {
                    return p;
                }
                p++;
            }
            return -1;
        }

        /** In entropy-coded data FF is followed by a stuffed 00, a restart marker, fill or a real marker. */
        private static boolean endsScan(int next) {
            return next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7);
        }
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
