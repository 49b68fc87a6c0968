package org.imagestore.rendering;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

import org.imagestore.imaging.Codecs;
import org.imagestore.imaging.ImageFormat;

/**
 * Encodes a standard image: WebP with libwebp ({@link WebpEncoder}), the others with Image I/O. JPEG and BMP have
 * no alpha, so transparency is flattened onto white for them; PNG, GIF (1-bit), TIFF and WebP keep it. Settings
 * are fixed, and no writer adds a timestamp, so the bytes depend on the pixels and the quality only.
 */
final class Encoder {

    private final Codecs codecs;
    private final WebpEncoder webp;

    Encoder(Codecs codecs, WebpEncoder webp) {
        this.codecs = codecs;
        this.webp = webp;
    }

    /** @param quality 1..100, for the lossy formats (JPEG, WebP) */
    byte[] encode(BufferedImage standard, ImageFormat format, int quality) throws IOException {
        BufferedImage image = keepsAlpha(format) ? standard : flattenOnWhite(standard);
        if (format == ImageFormat.WEBP) {
            return webp.encode(image, quality);
        }
        ImageWriter writer = codecs.writer(format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = Codecs.memoryOutput(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), parameters(writer, format, quality));
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static boolean keepsAlpha(ImageFormat format) {
        return format == ImageFormat.PNG || format == ImageFormat.GIF || format == ImageFormat.TIFF
                || format == ImageFormat.WEBP;
    }

    private static ImageWriteParam parameters(ImageWriter writer, ImageFormat format, int jpegQuality) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        switch (format) {
            case JPEG -> {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality / 100f);
                if (param instanceof JPEGImageWriteParam jpeg) {
                    jpeg.setOptimizeHuffmanTables(true); // ~5-10% smaller for a little CPU, still deterministic
                }
            }
            case TIFF -> {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate"); // lossless; uncompressed TIFFs are needlessly large
            }
            default -> {
                // PNG, GIF, BMP: the writers' defaults (lossless)
            }
        }
        return param;
    }

    /** Composites straight alpha over white: {@code c' = c * a + 255 * (1 - a)}. */
    static BufferedImage flattenOnWhite(BufferedImage standard) {
        if (!StandardImage.hasAlpha(standard)) {
            return standard;
        }
        BufferedImage flat = new BufferedImage(standard.getWidth(), standard.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] in = StandardImage.bytes(standard);
        byte[] out = StandardImage.bytes(flat);
        for (int i = 0, o = 0; i < in.length; i += 4, o += 3) {
            int a = in[i] & 0xFF;
            for (int b = 0; b < 3; b++) {
                int c = in[i + 1 + b] & 0xFF;
                out[o + b] = (byte) ((c * a + 255 * (255 - a) + 127) / 255);
            }
        }
        return flat;
    }
}
