package org.imagestore.imaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import com.drew.lang.ByteArrayReader;
import com.drew.lang.RandomAccessReader;

/**
 * Finds a file's EXIF block (a TIFF structure) and nothing else: JPEG {@code APP1 "Exif"}, PNG {@code eXIf},
 * WebP {@code EXIF}, or a TIFF file's own first IFD. Other segments and chunks are skipped by their length, never
 * read or inflated (compressed PNG text, XMP, ICC profiles, frames): an upload cannot make metadata reading
 * allocate or inflate more than {@link #MAX_EXIF_BYTES}, walk more than {@link #MAX_BLOCKS} blocks, or read more
 * than {@link BudgetedFileReader#MAX_PAGES} pages of a TIFF file's directories.
 */
final class ExifLocator {

    /** Larger EXIF blocks are ignored (a JPEG's is at most 64 KiB by the format; cameras write a few KiB). */
    static final int MAX_EXIF_BYTES = 1 << 20;
    /** Segments or chunks walked before the EXIF block is given up. */
    static final int MAX_BLOCKS = 10_000;

    private static final byte[] EXIF_PREAMBLE = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private final FileChannel file;
    private final long length;

    private ExifLocator(FileChannel file) throws IOException {
        this.file = file;
        this.length = file.size();
    }

    /** The EXIF block of a file whose format is known, to be read before {@code file} is closed. */
    static Optional<RandomAccessReader> find(FileChannel file, ImageFormat format) throws IOException {
        ExifLocator locator = new ExifLocator(file);
        return switch (format) {
            case JPEG -> locator.inJpeg().map(ByteArrayReader::new);
            case PNG -> locator.inPng().map(ByteArrayReader::new);
            case WEBP -> locator.inWebp().map(ByteArrayReader::new);
            case TIFF -> Optional.of(new BudgetedFileReader(file));
            default -> Optional.empty(); // GIF, BMP, JPEG 2000: the store reads no EXIF from them
        };
    }

    private Optional<byte[]> inJpeg() throws IOException {
        long at = 2; // after SOI
        for (int blocks = 0; blocks < MAX_BLOCKS && at + 4 <= length; blocks++) {
            ByteBuffer head = read(at, 4);
            if ((head.get(0) & 0xFF) != 0xFF) {
                return Optional.empty(); // not at a marker: damaged, give up
            }
            int marker = head.get(1) & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                at += 2; // markers without a length
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return Optional.empty(); // the image data starts (or ends): EXIF comes before it
            }
            int segment = head.getShort(2) & 0xFFFF;
            if (segment < 2) {
                return Optional.empty();
            }
            if (marker == 0xE1 && segment - 2 > EXIF_PREAMBLE.length) {
                byte[] payload = bytes(at + 4, segment - 2);
                if (payload != null && startsWithPreamble(payload)) {
                    return Optional.of(Arrays.copyOfRange(payload, EXIF_PREAMBLE.length, payload.length));
                }
            }
            at += 2 + segment;
        }
        return Optional.empty();
    }

    private Optional<byte[]> inPng() throws IOException {
        long at = 8; // after the signature
        for (int blocks = 0; blocks < MAX_BLOCKS && at + 8 <= length; blocks++) {
            ByteBuffer head = read(at, 8);
            long chunk = head.getInt(0) & 0xFFFFFFFFL;
            String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("eXIf")) {
                return Optional.ofNullable(bytes(at + 8, chunk));
            }
            if (type.equals("IEND")) {
                break;
            }
            at += 12 + chunk; // length, type, data, CRC
        }
        return Optional.empty();
    }

    private Optional<byte[]> inWebp() throws IOException {
        long at = 12; // after "RIFF", its size and "WEBP"
        for (int blocks = 0; blocks < MAX_BLOCKS && at + 8 <= length; blocks++) {
            ByteBuffer head = read(at, 8).order(ByteOrder.LITTLE_ENDIAN);
            String type = new String(head.array(), 0, 4, StandardCharsets.ISO_8859_1);
            long chunk = head.getInt(4) & 0xFFFFFFFFL;
            if (type.equals("EXIF")) {
                byte[] payload = bytes(at + 8, chunk);
                // some writers keep JPEG's preamble in front of the TIFF structure
                return Optional.ofNullable(payload != null && startsWithPreamble(payload)
                        ? Arrays.copyOfRange(payload, EXIF_PREAMBLE.length, payload.length) : payload);
            }
            at += 8 + chunk + (chunk & 1); // chunks are padded to an even length
        }
        return Optional.empty();
    }

    /** The block's bytes, or null when it is larger than the limit or runs past the end of the file. */
    private byte[] bytes(long at, long count) throws IOException {
        if (count > MAX_EXIF_BYTES || at + count > length) {
            return null;
        }
        return read(at, (int) count).array();
    }

    private ByteBuffer read(long at, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at " + (at + buffer.position()));
            }
        }
        return buffer;
    }

    private static boolean startsWithPreamble(byte[] payload) {
        return payload.length >= EXIF_PREAMBLE.length
                && Arrays.equals(payload, 0, EXIF_PREAMBLE.length, EXIF_PREAMBLE, 0, EXIF_PREAMBLE.length);
    }

    /**
     * A TIFF file read for its directories only, in 4 KiB pages, and no more than {@link #MAX_PAGES} of them: the
     * first IFD may stand anywhere in the file (often after the image data), but a chain of directories that
     * would have the reader wander through the whole file ends at the budget.
     */
    static final class BudgetedFileReader extends RandomAccessReader {

        static final int PAGE = 4096;
        static final int MAX_PAGES = 64;

        private final FileChannel file;
        private final long length;
        private final java.util.Map<Long, byte[]> pages = new java.util.HashMap<>();

        BudgetedFileReader(FileChannel file) throws IOException {
            this.file = file;
            this.length = file.size();
        }

        @Override
        public int toUnshiftedOffset(int localOffset) {
            return localOffset;
        }

        @Override
        public long getLength() {
            return length;
        }

        @Override
        public byte getByte(int index) throws IOException {
            validateIndex(index, 1);
            return page(index / PAGE)[index % PAGE];
        }

        @Override
        public byte[] getBytes(int index, int count) throws IOException {
            validateIndex(index, count);
            if (count > MAX_EXIF_BYTES) {
                throw new IOException("a metadata value of " + count + " bytes is not read");
            }
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; ) {
                long position = (long) index + i;
                byte[] page = page(position / PAGE);
                int from = (int) (position % PAGE);
                int n = Math.min(count - i, PAGE - from);
                System.arraycopy(page, from, bytes, i, n);
                i += n;
            }
            return bytes;
        }

        @Override
        protected void validateIndex(int index, int count) throws IOException {
            if (!isValidIndex(index, count)) {
                throw new IOException("metadata offset " + index + " (+" + count + ") outside the file");
            }
        }

        @Override
        protected boolean isValidIndex(int index, int count) {
            return count >= 0 && index >= 0 && (long) index + count <= length;
        }

        private byte[] page(long number) throws IOException {
            byte[] page = pages.get(number);
            if (page != null) {
                return page;
            }
            if (pages.size() >= MAX_PAGES) {
                throw new IOException("metadata spread over more than " + MAX_PAGES * PAGE / 1024 + " KiB of the file: not read further");
            }
            ByteBuffer buffer = ByteBuffer.allocate(PAGE);
            long at = number * PAGE;
            while (buffer.hasRemaining() && file.read(buffer, at + buffer.position()) >= 0) {
                // until full or at the end of the file
            }
            pages.put(number, buffer.array());
            return buffer.array();
        }
    }
}
