package org.imagestore.imaging.jpeg;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JPEG Huffman table (ITU T.81 annex C) with a 9-bit lookahead table: most codes in practice are at most 9 bits
 * long and decode with one array read; longer ones take the canonical-code walk (F.2.2.3).
 */
final class HuffmanTable {

    static final int LOOKAHEAD = 9;

    /**
     * Tables built before, by their definition: a camera writes the same few tables into every photo, and an AC
     * table's {@link #skip} took 0.15-0.2 ms to build (measured), which a small image's whole decode would notice. Bounded:
     * emptied when full, so that files with tables of their own cost a build each and nothing more.
     */
    private static final Map<Definition, HuffmanTable> BUILT = new ConcurrentHashMap<>();
    private static final int MOST_BUILT = 64;

    private record Definition(int[] counts, int[] symbols, boolean ac) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Definition d && ac == d.ac && Arrays.equals(counts, d.counts)
                    && Arrays.equals(symbols, d.symbols);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(counts) + Arrays.hashCode(symbols)) + Boolean.hashCode(ac);
        }
    }

    /** The table of this definition, built once (tables are never changed after they are built). */
    static HuffmanTable of(int[] counts, int[] symbols, boolean ac) {
        Definition definition = new Definition(counts.clone(), symbols.clone(), ac);
        HuffmanTable built = BUILT.get(definition);
        if (built == null) {
            built = new HuffmanTable(definition.counts(), definition.symbols(), ac);
            if (BUILT.size() >= MOST_BUILT) {
                BUILT.clear();
            }
            BUILT.put(definition, built);
        }
        return built;
    }

    /** Index: the next 9 bits. Value: {@code length << 8 | symbol}, or 0 when the code is longer than 9 bits. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /** Largest code of each length 1..16 (-1 when none), then a sentinel for length 17. */
    final int[] maxCode = new int[18];
    /** Per length: index into {@link #symbols} of the first code of that length, minus that code. */
    final int[] offset = new int[17];
    final int[] symbols;

    /**
     * Lookahead for {@link #skip}: 32 KB a table at 2 bytes an entry. On the 12 MP photo of bench/render.sh, 14 bits
     * rendered faster than 12 (whose tables fit the L1 cache), 13 and 15.
     */
    static final int SKIP_LOOKAHEAD = 14;
    private static final int END = 1 << 11;

    /**
     * For AC tables, a table for stepping over coefficients the decoder does not need (at 1/8 scale, all of them):
     * for the next 14 bits, the run of whole coefficients (code and value bits) that they hold, up to and
     * including an end of block. Index: those bits. Value: 0 when even the first coefficient does not fit;
     * else bits consumed (4 bits), zigzag positions advanced (run + 1 per coefficient, 16 for ZRL, 1 for an end of
     * block; 7 bits), and whether the run ends the block. One look-up and no data-dependent branch for several
     * coefficients is what made this the fast path: the first version took one or two coefficients per look-up,
     * with a branch on each.
     */
    final char[] skip;

    static int skipBits(int entry) {
        return entry & 0xF;
    }

    static int skipAdvance(int entry) {
        return entry >> 4 & 0x7F;
    }

    static boolean skipEnds(int entry) {
        return (entry & END) != 0;
    }

    /**
     * @param counts  number of codes of each length 1..16 ({@code counts[0]} is length 1)
     * @param symbols the symbols in code order
     */
    HuffmanTable(int[] counts, int[] symbols, boolean ac) {
        this.symbols = symbols;
        this.skip = ac ? new char[1 << SKIP_LOOKAHEAD] : null;
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
                skip[look] = (char) skipEntry(look);
            }
        }
    }

    private int skipEntry(int look) {
        int bits = 0;
        int advance = 0;
        while (advance < 64) {
            int rest = SKIP_LOOKAHEAD - bits;
            int next = rest == 0 ? -1 : coefficient(look & ((1 << rest) - 1), rest);
            if (next < 0) {
                break;
            }
            bits += next & 0xFF;
            if ((next & 1 << 16) != 0) {
                // an end of block counts as one position: it is this block's only if it comes before position 64
                return bits | (advance + 1) << 4 | END;
            }
            advance += next >> 8 & 0xFF;
        }
        return bits == 0 ? 0 : bits | advance << 4;
    }

    /**
     * The AC coefficient at the top of the {@code available} bits of {@code value}: {@code bits | advance << 8 |
     * end-of-block << 16}, or -1 when its code and value bits do not all fit.
     */
    private int coefficient(int value, int available) {
        // codes of up to 9 bits (nearly all) from the fast table, not by walking the code lengths
        int fastEntry = fast[available >= LOOKAHEAD ? value >>> (available - LOOKAHEAD) : value << (LOOKAHEAD - available)];
        if (fastEntry != 0) {
            int length = fastEntry >> 8;
            return length > available ? -1 : coefficient(length, fastEntry & 0xFF, available);
        }
        for (int length = LOOKAHEAD + 1; length <= Math.min(16, available); length++) {
            int code = value >>> (available - length);
            if (code <= maxCode[length]) {
                return coefficient(length, symbols[offset[length] + code], available);
            }
        }
        return -1;
    }

    private static int coefficient(int length, int symbol, int available) {
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
