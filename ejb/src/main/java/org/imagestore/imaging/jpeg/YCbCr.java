package org.imagestore.imaging.jpeg;

/** JFIF YCbCr to RGB (full range, BT.601 coefficients) in 16-bit fixed point, as libjpeg's jdcolor.c does. */
final class YCbCr {

    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (int) Math.round(1.40200 * x);
            CB_B[i] = (int) Math.round(1.77200 * x);
            CR_G[i] = (int) Math.round(-0.71414 * 65536 * x);
            CB_G[i] = (int) Math.round(-0.34414 * 65536 * x) + 32768;
        }
    }

    private YCbCr() {
    }

    /** Writes B, G, R at {@code out[o..o+2]}. */
    static void toBgr(int y, int cb, int cr, byte[] out, int o) {
        out[o] = clamp(y + CB_B[cb]);
        out[o + 1] = clamp(y + (CB_G[cb] + CR_G[cr] >> 16));
        out[o + 2] = clamp(y + CR_R[cr]);
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
