package org.imagestore.imaging.jpeg;

/**
 * A JPEG Huffman table (ITU T.81 annex C) with a 9-bit lookahead table: most codes in practice are at most 9 bits
 * long and decode with one array read; longer ones take the canonical-code walk (F.2.2.3).
 */
final class HuffmanTable {

    static final int LOOKAHEAD = 9;

    /** Index: the next 9 bits. Value: {@code length << 8 | symbol}, or 0 when the code is longer than 9 bits. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /** Largest code of each length 1..16 (-1 when none), then a sentinel for length 17. */
    final int[] maxCode = new int[18];
    /** Per length: index into {@link #symbols} of the first code of that length, minus that code. */
    final int[] offset = new int[17];
    final int[] symbols;

    /** Lookahead for {@link #skip}. */
    static final int SKIP_LOOKAHEAD = 12;

    /**
     * For AC tables, a table for stepping over coefficients the decoder does not need (at 1/8 scale, all of them),
     * two at a time when both fit in the next 12 bits. Index: the next 12 bits. Value: 0 when even the first
     * coefficient (code and value bits) does not fit; otherwise the fields below.
     */
    final int[] skip;
    // first symbol: bits consumed (code + value), positions advanced (run + 1, or 16 for ZRL), end of block
    static int firstBits(int e) {
        return e & 0xF;
    }

    static int firstAdvance(int e) {
        return e >> 4 & 0x1F;
    }

    static boolean firstEnds(int e) {
        return (e & 1 << 9) != 0;
    }

    // both symbols (when HAS_SECOND): total bits, total advance, second is end of block
    static boolean hasSecond(int e) {
        return (e & 1 << 21) != 0;
    }

    static int bothBits(int e) {
        return e >> 10 & 0xF;
    }

    static int bothAdvance(int e) {
        return e >> 14 & 0x3F;
    }

    static boolean secondEnds(int e) {
        return (e & 1 << 20) != 0;
    }

    /**
     * @param counts  number of codes of each length 1..16 ({@code counts[0]} is length 1)
     * @param symbols the symbols in code order
     */
    HuffmanTable(int[] counts, int[] symbols, boolean ac) {
        this.symbols = symbols;
        this.skip = ac ? new int[1 << SKIP_LOOKAHEAD] : null;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            int n = counts[length - 1];
            offset[length] = k - code;
            if (n == 0) {
                maxCode[length] = -1;
            } else {
                for (int i = 0; i < n; i++, k++, code++) {
                    if (length <= LOOKAHEAD) {
                        int shift = LOOKAHEAD - length;
                        int first = code << shift;
                        for (int j = 0; j < 1 << shift; j++) {
                            fast[first + j] = length << 8 | symbols[k];
                        }
                    }
                }
                maxCode[length] = code - 1;
            }
            if (code > 1 << length) {
                throw new IllegalArgumentException("invalid Huffman table: code lengths overflow");
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        if (ac) {
            for (int look = 0; look < 1 << SKIP_LOOKAHEAD; look++) {
                skip[look] = skipEntry(look);
            }
        }
    }

    private int skipEntry(int look) {
        int first = coefficient(look, SKIP_LOOKAHEAD);
        if (first < 0) {
            return 0;
        }
        int bits1 = first & 0xFF;
        int advance1 = first >> 8 & 0xFF;
        boolean end1 = (first & 1 << 16) != 0;
        int entry = bits1 | advance1 << 4 | (end1 ? 1 << 9 : 0);
        if (end1) {
            return entry;
        }
        int rest = SKIP_LOOKAHEAD - bits1;
        int second = coefficient(look & ((1 << rest) - 1), rest);
        if (second < 0) {
            return entry;
        }
        boolean end2 = (second & 1 << 16) != 0;
        return entry | 1 << 21 | (bits1 + (second & 0xFF)) << 10 | (advance1 + (end2 ? 0 : second >> 8 & 0xFF)) << 14
                | (end2 ? 1 << 20 : 0);
    }

    /**
     * The AC coefficient at the top of the {@code available} bits of {@code value}: {@code bits | advance << 8 |
     * end-of-block << 16}, or -1 when its code and value bits do not all fit.
     */
    private int coefficient(int value, int available) {
        for (int length = 1; length <= Math.min(16, available); length++) {
            int code = value >>> (available - length);
            if (code <= maxCode[length]) {
                int symbol = symbols[offset[length] + code];
                int run = symbol >> 4;
                int size = symbol & 15;
                if (length + size > available) {
                    return -1;
                }
                if (size == 0) {
                    return run == 15 ? length | 16 << 8 : length | 1 << 16;
                }
                return length + size | (run + 1) << 8;
            }
        }
        return -1;
    }

}
