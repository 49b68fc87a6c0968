package org.imagestore.bench.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.imagestore.rendering.ImageRenderer;
import org.imagestore.rendering.RenderLimits;
import org.imagestore.rendering.RenderSpec;

/**
 * WebP against JPEG over a photo set, in-process (bench/webp.sh): every photo rendered to each width in each format
 * at each quality, one thread, after a warm-up pass. Prints the total bytes, WebP's share of JPEG's, and ms per
 * image. A render decodes, scales and encodes; the same render as BMP (an uncompressed copy of the raster) is
 * timed too, so that {@code encode ≈ render − bmp render} isolates the encoder.
 *
 * <p>usage: {@code --photos DIR [--widths 320,1280] [--qualities 85,75]}
 */
public final class WebpBenchmark {

    private record Variant(int width, String format, int quality) {

        RenderSpec spec() {
            return RenderSpec.parse(Map.of("w", List.of(String.valueOf(width)), "format", List.of(format),
                    "q", List.of(String.valueOf(quality))), RenderLimits.DEFAULT);
        }
    }

    private WebpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = RenderBenchmark.options(args);
        Path dir = Path.of(options.getOrDefault("photos", "bench/target/photos"));
        int[] widths = ints(options.getOrDefault("widths", "320,1280"));
        int[] qualities = ints(options.getOrDefault("qualities", "85,75"));
        List<Path> photos;
        try (Stream<Path> files = Files.list(dir)) {
            photos = files.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        }
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no .jpg photos in " + dir);
        }
        ImageRenderer renderer = new ImageRenderer(RenderLimits.DEFAULT);
        System.out.printf(Locale.ROOT, "photos=%d in %s%njava=%s%n", photos.size(), dir, Runtime.version());

        for (Path photo : photos.subList(0, Math.min(5, photos.size()))) { // warm-up: JIT and libwebp loaded
            for (int width : widths) {
                for (String format : List.of("jpeg", "webp", "bmp")) {
                    renderer.render(photo, new Variant(width, format, qualities[0]).spec());
                }
            }
        }
        // photo by photo, every variant in turn, each photo read once untimed first: the variants share the
        // page cache's and the JIT's state, so their differences are the encoders'
        List<Variant> variants = new ArrayList<>();
        for (int width : widths) {
            variants.add(new Variant(width, "bmp", RenderSpec.DEFAULT_QUALITY));
            for (int quality : qualities) {
                variants.add(new Variant(width, "jpeg", quality));
                variants.add(new Variant(width, "webp", quality));
            }
        }
        Map<Variant, long[]> bytes = new LinkedHashMap<>();
        Map<Variant, double[]> ms = new LinkedHashMap<>();
        for (int i = 0; i < photos.size(); i++) {
            for (int width : widths) {
                renderer.render(photos.get(i), new Variant(width, "bmp", RenderSpec.DEFAULT_QUALITY).spec());
            }
            for (Variant variant : variants) {
                long start = System.nanoTime();
                int size = renderer.render(photos.get(i), variant.spec()).bytes().length;
                ms.computeIfAbsent(variant, v -> new double[photos.size()])[i] = (System.nanoTime() - start) / 1e6;
                bytes.computeIfAbsent(variant, v -> new long[1])[0] += size;
            }
        }

        System.out.println("width  q   jpeg_bytes  webp_bytes  webp/jpeg  jpeg_ms  webp_ms  bmp_ms  jpeg_encode_ms  webp_encode_ms");
        for (int width : widths) {
            double bmpMs = mean(ms.get(new Variant(width, "bmp", RenderSpec.DEFAULT_QUALITY)));
            for (int quality : qualities) {
                Variant jpeg = new Variant(width, "jpeg", quality);
                Variant webp = new Variant(width, "webp", quality);
                long jpegBytes = bytes.get(jpeg)[0];
                long webpBytes = bytes.get(webp)[0];
                double jpegMs = mean(ms.get(jpeg));
                double webpMs = mean(ms.get(webp));
                System.out.printf(Locale.ROOT, "%5d %3d %11d %11d %10.3f %8.1f %8.1f %7.1f %15.1f %15.1f%n", width,
                        quality, jpegBytes, webpBytes, (double) webpBytes / jpegBytes, jpegMs, webpMs, bmpMs,
                        jpegMs - bmpMs, webpMs - bmpMs);
            }
        }
        System.out.println("(ms: mean per image over the set, one thread; encode = render - the same render as bmp)");
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }
}
