package org.imagestore.imaging.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds {@code FF} bytes, which in a JPEG's entropy-coded data are the only ones that matter (a stuffed
 * {@code FF 00}, a restart or a marker) and are rare: eight bytes are looked at per step rather than one.
 */
public final class FfBytes {

    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private FfBytes() {
    }

    /** The index of the first {@code FF} byte of {@code data[from, to)}, or {@code to} if there is none. */
    public static int indexOf(byte[] data, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            // FF bytes are the zero bytes of the complement; the lowest flagged byte is exact (borrows only go up)
            long inverted = ~(long) LITTLE_ENDIAN_LONG.get(data, i);
            long zeros = (inverted - ONES) & ~inverted & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (data[i] == (byte) 0xFF) {
                return i;
            }
        }
        return to;
    }
}
