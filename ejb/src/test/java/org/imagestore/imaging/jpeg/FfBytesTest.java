package org.imagestore.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FfBytesTest {

    /** Against a byte-by-byte search, at every start and end, with FF bytes next to bytes that borrow (00, 7F, FE). */
    @Test
    void findsTheFirstFfLikeAByteByByteSearch() {
        Random random = new Random(7);
        byte[] tricky = {(byte) 0xFF, 0x00, 0x7F, (byte) 0xFE, (byte) 0x80, 0x01};
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextInt(4) == 0 ? tricky[random.nextInt(tricky.length)] : (byte) random.nextInt(0xFF);
            }
            for (int from = 0; from <= data.length; from++) {
                for (int to = from; to <= data.length; to++) {
                    String range = "[" + from + ", " + to + ")";
                    assertEquals(byteByByte(data, from, to), FfBytes.indexOf(data, from, to), range);
                }
            }
        }
    }

    private static int byteByByte(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == (byte) 0xFF) {
                return i;
            }
        }
        return to;
    }
}
