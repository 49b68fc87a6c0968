package org.imagestore.rendering;

import java.awt.image.BufferedImage;

/**
 * Separable Lanczos-3 resampling of a standard image (see {@link StandardImage}). When shrinking, the kernel is
 * widened by the scale factor so that it low-passes before sampling (no aliasing); the renderer keeps that factor
 * small (below 4) by decoding at a reduced scale and area-averaging first, which bounds the taps per pixel.
 * Lanczos-3 is the usual choice of libvips and ImageMagick for photographs: sharper than bicubic with little
 * ringing. Colours are weighted by alpha (premultiplied) so transparent pixels do not bleed dark fringes.
 * Arithmetic is float in a fixed order, so results are the same on every run.
 */
final class Resampler {

    private static final double LOBES = 3;

    private Resampler() {
    }

    /**
     * Resamples the window {@code (x, y, w, h)} of the source (in source pixel units, fractional) to
     * {@code outW x outH}.
     */
    static BufferedImage resize(BufferedImage source, double x, double y, double w, double h, int outW, int outH) {
        if (outW == source.getWidth() && outH == source.getHeight() && x == 0 && y == 0
                && w == source.getWidth() && h == source.getHeight()) {
            return source;
        }
        Taps columns = Taps.of(source.getWidth(), x, w, outW);
        Taps rows = Taps.of(source.getHeight(), y, h, outH);
        int bands = source.getRaster().getNumBands();
        boolean alpha = StandardImage.hasAlpha(source);
        byte[] in = StandardImage.bytes(source);
        int inW = source.getWidth();
        int firstRow = rows.first();
        int rowCount = rows.last() - firstRow + 1;

        // Horizontal pass over the rows the vertical pass reads, into floats (colours premultiplied by alpha).
        int midStride = outW * bands;
        float[] mid = new float[rowCount * midStride];
        float[] line = new float[inW * bands];
        for (int r = 0; r < rowCount; r++) {
            toFloats(in, (firstRow + r) * inW * bands, line, alpha);
            int o = r * midStride;
            for (int ox = 0; ox < outW; ox++) {
                int base = columns.start[ox] * bands;
                float[] weight = columns.weights[ox];
                for (int b = 0; b < bands; b++) {
                    float sum = 0;
                    for (int t = 0, i = base + b; t < weight.length; t++, i += bands) {
                        sum += weight[t] * line[i];
                    }
                    mid[o++] = sum;
                }
            }
        }

        // Vertical pass: whole rows at a time, a loop the JIT vectorises.
        BufferedImage target = new BufferedImage(outW, outH, source.getType());
        byte[] out = StandardImage.bytes(target);
        float[] acc = new float[midStride];
        for (int oy = 0; oy < outH; oy++) {
            java.util.Arrays.fill(acc, 0);
            int start = rows.start[oy] - firstRow;
            float[] weight = rows.weights[oy];
            for (int t = 0; t < weight.length; t++) {
                float wt = weight[t];
                int m = (start + t) * midStride;
                for (int i = 0; i < midStride; i++) {
                    acc[i] += wt * mid[m + i];
                }
            }
            store(acc, alpha, out, oy * midStride);
        }
        return target;
    }

    /** One row of bytes as floats; for ABGR the colours are premultiplied by alpha (0..255 scale). */
    private static void toFloats(byte[] in, int offset, float[] line, boolean alpha) {
        if (!alpha) {
            for (int i = 0; i < line.length; i++) {
                line[i] = in[offset + i] & 0xFF;
            }
            return;
        }
        for (int i = 0; i < line.length; i += 4) {
            float a = in[offset + i] & 0xFF;
            line[i] = a;
            line[i + 1] = (in[offset + i + 1] & 0xFF) * a / 255f;
            line[i + 2] = (in[offset + i + 2] & 0xFF) * a / 255f;
            line[i + 3] = (in[offset + i + 3] & 0xFF) * a / 255f;
        }
    }

    private static void store(float[] row, boolean alpha, byte[] out, int offset) {
        if (!alpha) {
            for (int i = 0; i < row.length; i++) {
                out[offset + i] = (byte) Math.round(clamp(row[i]));
            }
            return;
        }
        for (int i = 0; i < row.length; i += 4) {
            float a = clamp(row[i]);
            out[offset + i] = (byte) Math.round(a);
            float scale = a < 0.5f ? 0 : 255f / a;
            for (int b = 1; b < 4; b++) {
                out[offset + i + b] = (byte) Math.round(clamp(row[i + b] * scale));
            }
        }
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** For each output position along one axis: the first input index and the normalised weights. */
    private record Taps(int[] start, float[][] weights) {

        static Taps of(int inSize, double windowStart, double windowSize, int outSize) {
            double scale = windowSize / outSize;
            double stretch = Math.max(scale, 1); // widen the kernel when shrinking
            double support = LOBES * stretch;
            int[] start = new int[outSize];
            float[][] weights = new float[outSize][];
            for (int o = 0; o < outSize; o++) {
                double centre = windowStart + (o + 0.5) * scale; // in input pixel edges
                int lo = (int) Math.floor(centre - support);
                int hi = (int) Math.ceil(centre + support);
                int first = clampIndex(lo, inSize);
                int last = clampIndex(hi, inSize);
                double[] w = new double[last - first + 1];
                double sum = 0;
                for (int i = lo; i <= hi; i++) {
                    double k = lanczos((i + 0.5 - centre) / stretch);
                    w[clampIndex(i, inSize) - first] += k; // edges repeat the border pixel
                    sum += k;
                }
                float[] normalised = new float[w.length];
                for (int i = 0; i < w.length; i++) {
                    normalised[i] = (float) (w[i] / sum);
                }
                start[o] = first;
                weights[o] = normalised;
            }
            return new Taps(start, weights);
        }

        int first() {
            return start[0];
        }

        int last() {
            return start[start.length - 1] + weights[weights.length - 1].length - 1;
        }

        private static int clampIndex(int i, int size) {
            return Math.max(0, Math.min(size - 1, i));
        }

        private static double lanczos(double x) {
            if (x == 0) {
                return 1;
            }
            if (Math.abs(x) >= LOBES) {
                return 0;
            }
            double px = Math.PI * x;
            return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
        }
    }
}
