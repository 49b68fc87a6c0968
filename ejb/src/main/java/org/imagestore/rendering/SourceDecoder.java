package org.imagestore.rendering;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.imagestore.imaging.Codecs;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.imaging.jpeg.ScaledJpegDecoder;
import org.imagestore.imaging.jpeg.UnsupportedJpegException;

/**
 * Decodes no more of the source than the output needs: the region only, and at a reduced scale where the codec
 * can do that properly.
 * <ul>
 * <li>Huffman-coded JPEGs (what cameras write, sequential or progressive) go through {@link ScaledJpegDecoder}
 *     at the largest of 1/2, 1/4, 1/8 that still leaves at least the output size: DCT-domain scaling is a true
 *     low-pass, so no aliasing.</li>
 * <li>Everything else goes through Image I/O with the region as the source region. Photographic codecs (JPEG,
 *     WebP, JPEG 2000) also get source subsampling, kept to half the reduction so that the area averaging and
 *     Lanczos steps after it still do most of the filtering; point subsampling aliases fine periodic detail, which
 *     is why graphics formats (PNG, GIF, BMP, TIFF: screenshots, dithered palettes) are decoded whole.</li>
 * </ul>
 */
final class SourceDecoder {

    /**
     * Decoded pixels: pixel (i, j) of {@code image} covers stored source pixels from
     * {@code (originX + i * scaleX, originY + j * scaleY)}, {@code scaleX x scaleY} of them.
     */
    record Decoded(BufferedImage image, double originX, double originY, double scaleX, double scaleY) {
    }

    /** What a decode holds: {@code pixels} decoded pixels, {@code bytes} in all (rasters, codec buffers, the file). */
    record Footprint(long pixels, long bytes) {
    }

    private final Codecs codecs;

    SourceDecoder(Codecs codecs) {
        this.codecs = codecs;
    }

    Decoded decode(Path file, ImageFormat format, RenderPlan plan) throws IOException {
        if (format == ImageFormat.JPEG) {
            int scale = dctScale(plan);
            if (scale > 1) {
                try {
                    ScaledJpegDecoder.Scaled s = ScaledJpegDecoder.decode(Files.readAllBytes(file), scale, plan.region());
                    return new Decoded(s.image(), s.originX(), s.originY(), s.scale(), s.scale());
                } catch (UnsupportedJpegException notForTheFastPath) {
                    // CMYK, 12-bit, arithmetic-coded, damaged, ...: Image I/O below
                }
            }
        }
        return decodeWithImageIo(file, format, plan);
    }

    /** What {@link #decode} will hold for this plan, from the header and the plan alone. */
    Footprint footprint(Path file, ImageFormat format, RenderPlan plan) throws IOException {
        long region = (long) plan.region().width * plan.region().height;
        if (format == ImageFormat.JPEG) {
            int scale = dctScale(plan);
            if (scale > 1) { // the fast path: the file and an unstuffed copy of a scan, the region decoded at 1/scale
                long pixels = region / ((long) scale * scale);
                return new Footprint(pixels, 2 * Files.size(file) + pixels * 4
                        + ScaledJpegDecoder.coefficientBytes(file, region, scale));
            }
        }
        long step = photographic(format) ? Math.max(1, (int) (plan.reduction() / 2)) : 1;
        long pixels = region / (step * step);
        return new Footprint(pixels, switch (format) {
            // Image I/O keeps a progressive JPEG's coefficients for the whole region (2 bytes each, 3 components)
            case JPEG -> region * 6 + pixels * 4;
            case PNG -> pixels * pngBytesPerPixel(file);
            // samples may be 16-bit and four: the facts do not say, so count them so
            case TIFF -> pixels * 8;
            // the JPEG 2000 decoder keeps working buffers as large as its output
            case JPEG2000 -> pixels * 8;
            default -> pixels * 4;
        });
    }

    /** A decoded PNG pixel's size, from the header's colour type and bit depth (at least 1 byte). */
    static int pngBytesPerPixel(Path file) throws IOException {
        byte[] header = new byte[26];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return 8;
            }
        }
        int depth = header[24];
        int channels = switch (header[25]) {
            case 0, 3 -> 1; // grey, palette
            case 4 -> 2;    // grey and alpha
            case 2 -> 3;    // RGB
            default -> 4;   // RGBA (and anything unexpected)
        };
        return depth == 16 ? 2 * channels : channels;
    }

    /** The largest of 8, 4, 2 that keeps the decoded region at least as large as the output; 1 if none. */
    static int dctScale(RenderPlan plan) {
        for (int scale = 8; scale > 1; scale /= 2) {
            if (plan.region().width / scale >= plan.storedWidth() && plan.region().height / scale >= plan.storedHeight()) {
                return scale;
            }
        }
        return 1;
    }

    private Decoded decodeWithImageIo(Path file, ImageFormat format, RenderPlan plan) throws IOException {
        Rectangle region = plan.region();
        int step = photographic(format) ? Math.max(1, (int) (plan.reduction() / 2)) : 1;
        ImageReader reader = codecs.reader(format);
        try (ImageInputStream in = Codecs.open(file)) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(region);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            // a subsampled pixel is a point sample at (x + i*step): centre a step-wide footprint on it
            double origin = 0.5 - step / 2.0;
            return new Decoded(image, region.x + origin, region.y + origin, step, step);
        } catch (javax.imageio.IIOException | RuntimeException undecodable) {
            throw new SourceRefusedException("undecodable " + format.parameterName() + ": " + undecodable.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private static boolean photographic(ImageFormat format) {
        return format == ImageFormat.JPEG || format == ImageFormat.WEBP || format == ImageFormat.JPEG2000;
    }
}
