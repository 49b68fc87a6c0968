package org.imagestore.imaging.jpeg;

/**
 * Inverse DCT of an 8x8 block straight to a reduced {@code m x n} block (m, n in 1, 2, 4, 8), using only the
 * {@code m x n} lowest-frequency coefficients, as libjpeg's scaled IDCTs do. The low coefficients of an 8-point
 * DCT, rescaled by sqrt(m/8), are the DCT of the signal low-passed and sampled at m points, so this both filters
 * and decimates. For 1x1 it is the block mean (the DC term alone: no multiplications at all).
 */
final class ScaledIdct {

    /** BASIS[log2 m][k * m + u]: orthonormal m-point IDCT basis scaled for 8-point input coefficients. */
    private static final float[][] BASIS = new float[4][];

    static {
        for (int log = 0; log < 4; log++) {
            int m = 1 << log;
            float[] basis = new float[m * m];
            for (int k = 0; k < m; k++) {
                for (int u = 0; u < m; u++) {
                    double c = u == 0 ? Math.sqrt(0.5) : 1;
                    basis[k * m + u] = (float) (Math.sqrt(2.0 / m) * c * Math.sqrt(m / 8.0)
                            * Math.cos((2 * k + 1) * u * Math.PI / (2 * m)));
                }
            }
            BASIS[log] = basis;
        }
    }

    private final float[] tmp = new float[64];

    /**
     * @param coef  dequantised coefficients in natural (row-major) order; only the top-left m x n are read
     * @param m     output width (horizontal frequencies used)
     * @param n     output height
     * @param out   samples, level-shifted and clamped to 0..255
     * @param stride row stride of {@code out}
     */
    void transform(int[] coef, int m, int n, byte[] out, int offset, int stride) {
        if (m == 1 && n == 1) {
            out[offset] = clamp((coef[0] + 4 >> 3) + 128);
            return;
        }
        if (m == 2 && n == 2) {
            twoByTwo(coef, out, offset, stride);
            return;
        }
        float[] bx = BASIS[Integer.numberOfTrailingZeros(m)];
        float[] by = BASIS[Integer.numberOfTrailingZeros(n)];
        // rows of frequencies v < n: horizontal inverse transform
        for (int v = 0; v < n; v++) {
            for (int x = 0; x < m; x++) {
                float s = 0;
                for (int u = 0; u < m; u++) {
                    s += bx[x * m + u] * coef[v * 8 + u];
                }
                tmp[v * m + x] = s;
            }
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < m; x++) {
                float s = 0;
                for (int v = 0; v < n; v++) {
                    s += by[y * n + v] * tmp[v * m + x];
                }
                out[offset + y * stride + x] = clamp(Math.round(s) + 128);
            }
        }
    }

    /**
     * The 2x2 case, a 4:2:0 chroma block at 1/8 scale (a third of a camera JPEG's blocks there): the loops above
     * unrolled, the same products summed in the same order, so the same bytes.
     */
    private static void twoByTwo(int[] coef, byte[] out, int offset, int stride) {
        float[] b = BASIS[1];
        float c00 = coef[0];
        float c01 = coef[1];
        float c10 = coef[8];
        float c11 = coef[9];
        float t00 = b[0] * c00 + b[1] * c01;
        float t01 = b[2] * c00 + b[3] * c01;
        float t10 = b[0] * c10 + b[1] * c11;
        float t11 = b[2] * c10 + b[3] * c11;
        out[offset] = clamp(Math.round(b[0] * t00 + b[1] * t10) + 128);
        out[offset + 1] = clamp(Math.round(b[0] * t01 + b[1] * t11) + 128);
        out[offset + stride] = clamp(Math.round(b[2] * t00 + b[3] * t10) + 128);
        out[offset + stride + 1] = clamp(Math.round(b[2] * t01 + b[3] * t11) + 128);
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
