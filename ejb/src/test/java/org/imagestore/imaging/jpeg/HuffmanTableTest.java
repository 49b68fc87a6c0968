package org.imagestore.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HuffmanTableTest {

    /** Four codes: 00 -> EOB, 01 -> run 0 size 1, 10 -> run 1 size 2, 110 -> ZRL (run 15, size 0). */
    private static int[] counts() {
        return new int[] {0, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    }

    private static int[] symbols() {
        return new int[] {0x00, 0x01, 0x12, 0xF0};
    }

    @Test
    void aDefinitionIsBuiltOnceAndKeptFromLaterChangesOfTheCallersArrays() {
        int[] symbols = symbols();
        HuffmanTable first = HuffmanTable.of(counts(), symbols, true);
        symbols[1] = 0x02; // a later DHT of the same file may reuse nothing of ours
        assertSame(first, HuffmanTable.of(counts(), symbols(), true));
        assertEquals(0x01, first.symbols[1]);
        assertNotSame(first, HuffmanTable.of(counts(), symbols, true), "another definition, another table");
        assertNotSame(first, HuffmanTable.of(counts(), symbols(), false), "a DC table is built without a skip table");
    }

    @Test
    void oneLookUpStepsOverAWholeRunOfCoefficientsUpToTheEndOfBlock() {
        HuffmanTable table = HuffmanTable.of(counts(), symbols(), true);
        // 01 1 | 10 01 | 00 (EOB) then padding: 3 + 4 + 2 = 9 bits, positions 1 + 2 + the end of block's 1
        int bits = 0b011_1001_00 << (HuffmanTable.SKIP_LOOKAHEAD - 9);
        int entry = table.skip[bits];
        assertEquals(9, HuffmanTable.skipBits(entry));
        assertEquals(4, HuffmanTable.skipAdvance(entry));
        assertEquals(true, HuffmanTable.skipEnds(entry));
        // 110 (ZRL) 110 110 110 110 = 15 bits: only four fit in 14, without an end of block
        int zeroRuns = 0b110_110_110_110_11 << (HuffmanTable.SKIP_LOOKAHEAD - 14);
        int runs = table.skip[zeroRuns];
        assertEquals(12, HuffmanTable.skipBits(runs));
        assertEquals(64, HuffmanTable.skipAdvance(runs));
        assertEquals(false, HuffmanTable.skipEnds(runs));
    }
}
