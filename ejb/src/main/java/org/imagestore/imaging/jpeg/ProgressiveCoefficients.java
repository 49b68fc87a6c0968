package org.imagestore.imaging.jpeg;

/**
 * The AC coefficients of one component of a progressive JPEG, gathered over its AC scans: first passes
 * (T.81 G.1.2.2) and successive-approximation refinements (G.1.2.3), with end-of-band runs spanning blocks.
 *
 * <p>Only the coefficients that the scaled IDCT uses are kept, and only for the block rows of the region. But a
 * refinement scan sends a correction bit for every coefficient that is already non-zero, and counts its zero runs
 * over the others, so which coefficients are non-zero is known for every position of every block it passes
 * (one {@code long} a block, bit {@code k} for zigzag position {@code k}). Not thread-safe.
 */
final class ProgressiveCoefficients {

    /** Zigzag position to the index of its value within a block's kept values; -1 when not kept. */
    private final int[] slot = new int[64];
    private final int slots;
    private final int[] keptPositions;
    /** Index of the first block whose values are kept: the region's first block row. */
    private final int firstKeptBlock;
    /** Per block, up to the region's last block row: bit k set when coefficient k is non-zero so far. */
    private final long[] nonzero;
    /** The kept values, point-transformed back (times 2^Al), {@link #slots} a block from {@link #firstKeptBlock}. */
    private final short[] values;
    /** Blocks left in the current end-of-band run (EOBRUN): they have no new coefficients in this band. */
    private int endOfBandRun;

    /**
     * @param keep     by zigzag position: is the coefficient used? (position 0, the DC term, is kept elsewhere)
     * @param gridW    blocks per row of the component's grid
     * @param firstRow the region's first block row
     * @param rows     block rows up to and including the region's last
     */
    ProgressiveCoefficients(boolean[] keep, int gridW, int firstRow, int rows) {
        int n = 0;
        int[] kept = new int[63];
        for (int k = 0; k < 64; k++) {
            slot[k] = k > 0 && keep[k] ? n : -1;
            if (slot[k] >= 0) {
                kept[n++] = k;
            }
        }
        this.slots = n;
        this.keptPositions = java.util.Arrays.copyOf(kept, n);
        this.firstKeptBlock = firstRow * gridW;
        this.nonzero = new long[rows * gridW];
        this.values = new short[(rows - firstRow) * gridW * n];
    }

    /** At the start of a scan and at each restart marker: no end-of-band run carries over. */
    void startSegment() {
        endOfBandRun = 0;
    }

    /** Where coefficient {@code k} of {@code block} is kept, or -1. */
    private int valueIndex(int block, int k) {
        int s = slot[k];
        return s < 0 || block < firstKeptBlock ? -1 : (block - firstKeptBlock) * slots + s;
    }

    /** First pass over band {@code [start, end]} of one block: coefficients point-transformed by {@code low}. */
    void first(EntropyReader in, HuffmanTable table, int block, int start, int end, int low) {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return;
        }
        long nz = nonzero[block];
        for (int k = start; k <= end; k++) {
            int rs = in.decode(table);
            int run = rs >> 4;
            int size = rs & 15;
            if (size == 0) {
                if (run < 15) { // EOBr: this block and 2^r - 1 + (r more bits) blocks after it end here
                    endOfBandRun = (1 << run) - 1 + (run > 0 ? in.receive(run) : 0);
                    break;
                }
                k += 15; // ZRL: sixteen zeros
                continue;
            }
            k += run;
            if (k > end) {
                throw new UnsupportedJpegException("coefficient index out of range");
            }
            nz |= 1L << k;
            int at = valueIndex(block, k);
            if (at >= 0) {
                values[at] = (short) (in.receiveExtend(size) << low);
            } else {
                in.skip(size);
            }
        }
        nonzero[block] = nz;
    }

    /**
     * Refinement of band {@code [start, end]} of one block by bit {@code low}: a correction bit for each coefficient
     * already non-zero, and new coefficients of magnitude {@code 2^low} placed by runs of the zero ones.
     */
    void refine(EntropyReader in, HuffmanTable table, int block, int start, int end, int low) {
        long nz = nonzero[block];
        int k = start;
        if (endOfBandRun == 0) {
            for (; k <= end; k++) {
                int rs = in.decode(table);
                int zeros = rs >> 4;
                int size = rs & 15;
                int value = 0;
                if (size != 0) {
                    if (size != 1) {
                        throw new UnsupportedJpegException("refinement coefficient of size " + size);
                    }
                    value = in.receive(1) != 0 ? 1 << low : -1 << low;
                } else if (zeros != 15) {
                    endOfBandRun = (1 << zeros) + (zeros > 0 ? in.receive(zeros) : 0);
                    break; // the rest of this block is the end-of-band run's
                }
                // over the non-zero coefficients (correcting them) and `zeros` zero ones, to the new coefficient's place
                for (; k <= end; k++) {
                    if ((nz >>> k & 1) != 0) {
                        correct(in, block, k, low);
                    } else if (zeros-- == 0) {
                        break;
                    }
                }
                if (value != 0) {
                    if (k > end) {
                        throw new UnsupportedJpegException("coefficient index out of range");
                    }
                    nz |= 1L << k;
                    int at = valueIndex(block, k);
                    if (at >= 0) {
                        values[at] = (short) value;
                    }
                }
            }
        }
        if (endOfBandRun > 0) {
            for (; k <= end; k++) {
                if ((nz >>> k & 1) != 0) {
                    correct(in, block, k, low);
                }
            }
            endOfBandRun--;
        }
        nonzero[block] = nz;
    }

    /** A correction bit of 1 adds bit {@code low} to the magnitude of a non-zero coefficient (if not there yet). */
    private void correct(EntropyReader in, int block, int k, int low) {
        if (in.receive(1) != 0) {
            int at = valueIndex(block, k);
            if (at >= 0) {
                int v = values[at];
                if ((v & 1 << low) == 0) {
                    values[at] = (short) (v >= 0 ? v + (1 << low) : v - (1 << low));
                }
            }
        }
    }

    /** Writes the block's kept AC coefficients, dequantised, into {@code coef} (natural order). */
    void fill(int block, int[] coef, int[] quant) {
        int base = (block - firstKeptBlock) * slots;
        for (int i = 0; i < slots; i++) {
            int k = keptPositions[i];
            coef[ScaledJpegDecoder.NATURAL[k]] = values[base + i] * quant[k];
        }
    }
}
