package org.imagestore.imaging.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the Huffman-coded bits of a scan (T.81 F.2.2). The coded data up to the next marker is first copied
 * without its byte stuffing (the 0x00 after each 0xFF) into a clean buffer padded with zeros, so that the bit
 * buffer can be refilled eight bytes at a time without looking at each byte; past the end it reads zero bits, as
 * libjpeg does for damaged data. A restart marker starts a new segment.
 */
final class EntropyReader {

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int PADDING = 16;

    private final byte[] data;
    /** Where the next segment starts in {@link #data}, and after a segment, where its ending marker is. */
    private int pos;
    private final byte[] clean;
    private int cleanLength;
    private int cleanPos;
    /**
     * Left-aligned bit buffer: the top {@link #bits} bits are the next ones in the stream; the bits below them are
     * either zero or the stream's next bits (a refill ORs the same bits over them again).
     */
    private long buffer;
    private int bits;

    EntropyReader(byte[] data, int start) {
        this.data = data;
        this.pos = start;
        this.clean = new byte[data.length - start + PADDING];
        loadSegment();
    }

    /** Copies the coded bytes up to the next marker into {@link #clean}, unstuffed; leaves {@link #pos} at the marker. */
    private void loadSegment() {
        int out = 0;
        int p = pos;
        int end = data.length;
        while (p < end) {
            int run = FfBytes.indexOf(data, p, end);
            System.arraycopy(data, p, clean, out, run - p);
            out += run - p;
            p = run;
            if (p + 1 >= end) {
                p = end;
                break;
            }
            int next = data[p + 1] & 0xFF;
            if (next == 0) { // stuffed 0xFF
                clean[out++] = (byte) 0xFF;
                p += 2;
            } else if (next == 0xFF) { // fill byte before a marker
                p++;
            } else {
                break; // a marker: the segment ends
            }
        }
        java.util.Arrays.fill(clean, out, Math.min(clean.length, out + PADDING), (byte) 0);
        cleanLength = out;
        cleanPos = 0;
        pos = p;
        buffer = 0;
        bits = 0;
    }

    /** Position of the marker that ended the current segment. */
    int position() {
        return pos;
    }

    /** Brings the buffer to at least 56 valid bits, reading whole bytes. */
    private void refill() {
        if (cleanPos > cleanLength) { // only zero padding is left: keep feeding zeros
            cleanPos = cleanLength;
        }
        buffer |= (long) BIG_ENDIAN_LONG.get(clean, cleanPos) >>> bits;
        int bytes = (63 - bits) >>> 3;
        cleanPos += bytes;
        bits += bytes << 3;
    }

    /** The next Huffman symbol. */
    int decode(HuffmanTable table) {
        if (bits < 32) {
            refill();
        }
        int entry = table.fast[(int) (buffer >>> (64 - HuffmanTable.LOOKAHEAD))];
        if (entry != 0) {
            consume(entry >> 8);
            return entry & 0xFF;
        }
        int length = HuffmanTable.LOOKAHEAD + 1;
        int code = (int) (buffer >>> (64 - length));
        while (code > table.maxCode[length]) {
            length++;
            if (length > 16) {
                throw new UnsupportedJpegException("bad Huffman code");
            }
            code = (int) (buffer >>> (64 - length));
        }
        consume(length);
        int index = table.offset[length] + code;
        if (index < 0 || index >= table.symbols.length) {
            throw new UnsupportedJpegException("bad Huffman code");
        }
        return table.symbols[index];
    }

    /** Reads {@code size} bits (1..16) and sign-extends them as T.81's EXTEND does. */
    int receiveExtend(int size) {
        int v = receive(size);
        return v < 1 << (size - 1) ? v - (1 << size) + 1 : v;
    }

    /** Reads {@code size} bits (1..16) as an unsigned number. */
    int receive(int size) {
        if (bits < size) {
            refill();
        }
        int v = (int) (buffer >>> (64 - size));
        consume(size);
        return v;
    }

    /** Skips {@code size} bits (a coefficient the caller does not need). */
    void skip(int size) {
        if (bits < size) {
            refill();
        }
        consume(size);
    }

    private void consume(int n) {
        buffer <<= n;
        bits -= n;
    }

    /**
     * Steps over the AC coefficients of a block from zigzag position {@code k} to the end of the block, without
     * computing their values.
     */
    void skipCoefficients(HuffmanTable table, int k) {
        char[] skip = table.skip;
        while (k < 64) {
            if (bits < 32) {
                refill();
            }
            int entry = skip[(int) (buffer >>> (64 - HuffmanTable.SKIP_LOOKAHEAD))];
            int advance = HuffmanTable.skipAdvance(entry);
            // a run is this block's only if its last coefficient is: else (rarely) one coefficient at a time
            if (entry != 0 && k + advance <= 64) {
                consume(HuffmanTable.skipBits(entry));
                if (HuffmanTable.skipEnds(entry)) {
                    return;
                }
                k += advance;
                continue;
            }
            int rs = decode(table);
            int run = rs >> 4;
            int size = rs & 15;
            if (size == 0 && run != 15) {
                return;
            }
            skip(size);
            k += run + 1;
        }
    }

    /** At a restart interval boundary: steps over the RSTn marker and loads the next segment. */
    void restart() {
        pos = nextMarker(data, pos);
        if (pos + 1 < data.length && (data[pos + 1] & 0xFF) >= 0xD0 && (data[pos + 1] & 0xFF) <= 0xD7) {
            pos += 2;
        }
        loadSegment();
    }

    /** The position of the next marker (0xFF followed by neither 0x00 nor 0xFF) at or after {@code from}. */
    static int nextMarker(byte[] data, int from) {
        int p = from;
        while (p + 1 < data.length) {
            if ((data[p] & 0xFF) == 0xFF) {
                int next = data[p + 1] & 0xFF;
                if (next != 0 && next != 0xFF) {
                    return p;
                }
                if (next == 0) {
                    p++;
                }
            }
            p++;
        }
        return data.length;
    }
}
