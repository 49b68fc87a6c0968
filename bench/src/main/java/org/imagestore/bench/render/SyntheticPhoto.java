package org.imagestore.bench.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.imagestore.imaging.Codecs;
import org.imagestore.imaging.ImageFormat;

/**
 * A stand-in for a camera photo when no real one is at hand: smooth gradients, hard-edged shapes and sensor-like
 * noise, encoded as a baseline 4:2:0 JPEG at quality 90. Noise makes it about as costly to entropy-decode as a
 * real photo of the same size; a flat image would flatter every decoder.
 */
final class SyntheticPhoto {

    private SyntheticPhoto() {
    }

    static Path write(Path file, int width, int height) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double fx = (double) x / width;
                double fy = (double) y / height;
                int r = (int) (255 * fx * (1 - fy) + 40 * Math.sin(x / 13.0));
                int g = (int) (200 * fy + 30 * Math.cos((x + y) / 29.0));
                int b = (int) (150 + 100 * Math.sin(fx * 9) * Math.cos(fy * 7));
                if (((x / 250) + (y / 180)) % 3 == 0) { // blocks with hard edges
                    r = 255 - r;
                    b = 255 - b;
                }
                int noise = random.nextInt(25) - 12;
                row[x] = clamp(r + noise) << 16 | clamp(g + noise) << 8 | clamp(b + noise);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = Codecs.standard().writer(ImageFormat.JPEG);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = Codecs.memoryOutput(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return Files.write(file, bytes.toByteArray());
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
