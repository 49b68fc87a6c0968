package org.imagestore.rendering;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * The three layouts every stage after decoding works on: 8-bit sRGB interleaved bytes as {@code TYPE_BYTE_GRAY},
 * {@code TYPE_3BYTE_BGR} or {@code TYPE_4BYTE_ABGR} (straight alpha). Whatever a codec produced (palette,
 * 16-bit, CMYK, an ICC profile, gray with alpha) is turned into one of these here, in strips of rows, and
 * box-shrunk on the way, so that no second full-size raster is made.
 */
final class StandardImage {

    /** Rows converted per step: bounds the temporary strip memory. */
    private static final int STRIP_ROWS = 16;

    private StandardImage() {
    }

    /**
     * One of the three layouts, in sRGB. The colour space needs its own check: {@link BufferedImage#getType()} says
     * {@code TYPE_3BYTE_BGR} for any RGB colour space with that layout, an embedded ICC profile's too.
     */
    static boolean isStandard(BufferedImage image) {
        int type = image.getType();
        boolean srgb = image.getColorModel().getColorSpace().isCS_sRGB();
        return (type == BufferedImage.TYPE_BYTE_GRAY || (srgb && (type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_4BYTE_ABGR)))
                && image.getRaster().getDataBuffer().getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0;
    }

    /** The interleaved samples of a standard image. */
    static byte[] bytes(BufferedImage standard) {
        return ((DataBufferByte) standard.getRaster().getDataBuffer()).getData();
    }

    static boolean hasAlpha(BufferedImage standard) {
        return standard.getType() == BufferedImage.TYPE_4BYTE_ABGR;
    }

    /**
     * The image in a standard layout and sRGB, each {@code fx x fy} block of pixels averaged into one (area
     * averaging, colours weighted by alpha; partial blocks at the right and bottom edges average what they have).
     * Returns the input itself when it is standard and no shrinking is asked.
     */
    static BufferedImage standardize(BufferedImage source, int fx, int fy) {
        if (fx == 1 && fy == 1 && isStandard(source)) {
            return source;
        }
        ColorModel cm = source.getColorModel();
        boolean alpha = cm.hasAlpha();
        boolean gray = !alpha && !(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int type = alpha ? BufferedImage.TYPE_4BYTE_ABGR : gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage target = new BufferedImage(ceilDiv(w, fx), ceilDiv(h, fy), type);
        Shrinker shrinker = new Shrinker(target, w, fx, fy);
        SrgbRows rows = SrgbRows.of(source);
        int stripRows = Math.max(fy, STRIP_ROWS / fy * fy);
        int[] argb = new int[w * stripRows];
        for (int y = 0; y < h; y += stripRows) {
            int n = Math.min(stripRows, h - y);
            rows.read(y, n, argb);
            shrinker.accept(y, n, argb);
        }
        return target;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Averages blocks of ARGB rows into the target; a strip always starts on a block boundary. */
    private static final class Shrinker {
        private final BufferedImage target;
        private final byte[] out;
        private final int bands;
        private final int width;
        private final int fx;
        private final int fy;
        private final long[] sums; // per target column: a, a*r, a*g, a*b

        Shrinker(BufferedImage target, int width, int fx, int fy) {
            this.target = target;
            this.out = bytes(target);
            this.bands = target.getRaster().getNumBands();
            this.width = width;
            this.fx = fx;
            this.fy = fy;
            this.sums = new long[target.getWidth() * 4];
        }

        void accept(int y0, int rows, int[] argb) {
            int tw = target.getWidth();
            for (int by = 0; by < rows; by += fy) {
                java.util.Arrays.fill(sums, 0);
                int blockRows = Math.min(fy, rows - by);
                for (int r = 0; r < blockRows; r++) {
                    int row = (by + r) * width;
                    for (int x = 0; x < width; x++) {
                        int p = argb[row + x];
                        int a = p >>> 24;
                        int s = (x / fx) * 4;
                        sums[s] += a;
                        sums[s + 1] += (long) a * ((p >> 16) & 0xFF);
                        sums[s + 2] += (long) a * ((p >> 8) & 0xFF);
                        sums[s + 3] += (long) a * (p & 0xFF);
                    }
                }
                int ty = (y0 + by) / fy;
                for (int tx = 0; tx < tw; tx++) {
                    int count = Math.min(fx, width - tx * fx) * blockRows;
                    store(ty * tw + tx, sums, tx * 4, count);
                }
            }
        }

        private void store(int pixel, long[] s, int i, int count) {
            long a = s[i];
            int r = a == 0 ? 0 : (int) ((s[i + 1] + a / 2) / a);
            int g = a == 0 ? 0 : (int) ((s[i + 2] + a / 2) / a);
            int b = a == 0 ? 0 : (int) ((s[i + 3] + a / 2) / a);
            int o = pixel * bands;
            switch (bands) {
                case 1 -> out[o] = (byte) g;
                case 3 -> {
                    out[o] = (byte) b;
                    out[o + 1] = (byte) g;
                    out[o + 2] = (byte) r;
                }
                default -> {
                    out[o] = (byte) ((a + count / 2) / count);
                    out[o + 1] = (byte) b;
                    out[o + 2] = (byte) g;
                    out[o + 3] = (byte) r;
                }
            }
        }
    }

    /** Reads rows of any image as straight-alpha sRGB ARGB ints, choosing the right conversion once. */
    private interface SrgbRows {

        void read(int y, int rows, int[] argb);

        static SrgbRows of(BufferedImage image) {
            ColorModel cm = image.getColorModel();
            if (isStandard(image)) {
                return new StandardRows(image);
            }
            if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
                return new GrayRows(image); // raw gamma-encoded values: the JDK's linear gray space would brighten them
            }
            if (cm instanceof IndexColorModel || cm.getColorSpace().isCS_sRGB()) {
                return (y, rows, argb) -> image.getRGB(0, y, image.getWidth(), rows, argb, 0, image.getWidth());
            }
            return new ConvertedRows(image);
        }
    }

    private record StandardRows(BufferedImage image) implements SrgbRows {
        @Override
        public void read(int y, int rows, int[] argb) {
            byte[] b = bytes(image);
            int bands = image.getRaster().getNumBands();
            int n = image.getWidth() * rows;
            int i = y * image.getWidth() * bands;
            for (int p = 0; p < n; p++, i += bands) {
                argb[p] = switch (bands) {
                    case 1 -> 0xFF000000 | (b[i] & 0xFF) * 0x010101;
                    case 3 -> 0xFF000000 | (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
                    default -> (b[i] & 0xFF) << 24 | (b[i + 3] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 1] & 0xFF);
                };
            }
        }
    }

    /** Gray of any bit depth (1..16), with or without alpha, scaled to 8 bits without a colour transform. */
    private record GrayRows(BufferedImage image) implements SrgbRows {
        @Override
        public void read(int y, int rows, int[] argb) {
            Raster raster = image.getRaster();
            ColorModel cm = image.getColorModel();
            int w = image.getWidth();
            int[] gray = raster.getSamples(0, y, w, rows, 0, (int[]) null);
            int[] alpha = cm.hasAlpha() ? raster.getSamples(0, y, w, rows, cm.getNumComponents() - 1, (int[]) null) : null;
            int grayMax = (1 << cm.getComponentSize(0)) - 1;
            int alphaMax = alpha == null ? 1 : (1 << cm.getComponentSize(cm.getNumComponents() - 1)) - 1;
            for (int p = 0; p < w * rows; p++) {
                int g = (gray[p] * 255 + grayMax / 2) / grayMax;
                int a = alpha == null ? 255 : (alpha[p] * 255 + alphaMax / 2) / alphaMax;
                argb[p] = a << 24 | g * 0x010101;
            }
        }
    }

    /** Any other colour space (CMYK, an embedded ICC profile, linear RGB): a colour-managed conversion per strip. */
    private static final class ConvertedRows implements SrgbRows {
        private final BufferedImage image;
        private final ColorConvertOp toSrgb = new ColorConvertOp(null);

        ConvertedRows(BufferedImage image) {
            this.image = image;
        }

        @Override
        public void read(int y, int rows, int[] argb) {
            int w = image.getWidth();
            boolean alpha = image.getColorModel().hasAlpha();
            BufferedImage strip = new BufferedImage(w, rows, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            toSrgb.filter(image.getSubimage(0, y, w, rows), strip);
            strip.getRaster().getDataElements(0, 0, w, rows, argb);
            if (!alpha) {
                for (int p = 0; p < w * rows; p++) {
                    argb[p] |= 0xFF000000;
                }
            }
        }
    }
}
