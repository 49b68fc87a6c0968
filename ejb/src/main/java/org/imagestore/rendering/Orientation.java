package org.imagestore.rendering;

import java.awt.image.BufferedImage;

/**
 * The eight EXIF orientations as coordinate maps between the displayed image and the stored one. The renderer
 * maps the (displayed) crop to stored coordinates, scales in stored coordinates and turns the small result
 * upright last, so that orienting never touches a full-size raster.
 */
final class Orientation {

    private final int tag;

    private Orientation(int tag) {
        this.tag = tag;
    }

    /** @param tag EXIF orientation 1..8 */
    static Orientation of(int tag) {
        if (tag < 1 || tag > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1..8: " + tag);
        }
        return new Orientation(tag);
    }

    /** Orientations 5..8 swap width and height. */
    boolean transposes() {
        return tag >= 5;
    }

    /**
     * The stored pixel shown at displayed position (dx, dy), for a stored image of {@code w x h}:
     * {@code {sx, sy}}.
     */
    int[] storedPixel(int dx, int dy, int w, int h) {
        return switch (tag) {
            case 1 -> new int[] {dx, dy};
            case 2 -> new int[] {w - 1 - dx, dy};              // mirrored
            case 3 -> new int[] {w - 1 - dx, h - 1 - dy};      // rotated 180
            case 4 -> new int[] {dx, h - 1 - dy};              // flipped
            case 5 -> new int[] {dy, dx};                      // transposed
            case 6 -> new int[] {dy, h - 1 - dx};              // stored turned 90 clockwise to display
            case 7 -> new int[] {w - 1 - dy, h - 1 - dx};      // transversed
            case 8 -> new int[] {w - 1 - dy, dx};              // stored turned 90 anticlockwise to display
            default -> throw new IllegalStateException();
        };
    }

    /** A displayed rectangle {@code {x, y, w, h}} as the stored rectangle it shows. */
    int[] storedRectangle(int x, int y, int width, int height, int storedW, int storedH) {
        int[] a = storedPixel(x, y, storedW, storedH);
        int[] b = storedPixel(x + width - 1, y + height - 1, storedW, storedH);
        int sx = Math.min(a[0], b[0]);
        int sy = Math.min(a[1], b[1]);
        return new int[] {sx, sy, Math.max(a[0], b[0]) - sx + 1, Math.max(a[1], b[1]) - sy + 1};
    }

    /** The stored image turned upright (a new image of the same standard type; the input when tag is 1). */
    BufferedImage apply(BufferedImage stored) {
        if (tag == 1) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        int bands = stored.getRaster().getNumBands();
        BufferedImage shown = transposes() ? new BufferedImage(h, w, stored.getType()) : new BufferedImage(w, h, stored.getType());
        byte[] from = StandardImage.bytes(stored);
        byte[] to = StandardImage.bytes(shown);
        int dw = shown.getWidth();
        int dh = shown.getHeight();
        int i = 0;
        for (int dy = 0; dy < dh; dy++) {
            for (int dx = 0; dx < dw; dx++) {
                int[] s = storedPixel(dx, dy, w, h);
                System.arraycopy(from, (s[1] * w + s[0]) * bands, to, i, bands);
                i += bands;
            }
        }
        return shown;
    }
}
