package org.imagestore.bench.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageInspector;
import org.imagestore.rendering.ImageRenderer;
import org.imagestore.rendering.RenderLimits;
import org.imagestore.rendering.RenderSpec;
import org.imagestore.rendering.Rendition;

/**
 * Renders a {@code w}-px-wide JPEG thumbnail of one photo over and over, in this JVM: warm-up, then the time of
 * each render on one thread (median and p90), then the throughput of {@code threads} threads rendering at once.
 * Prints {@code key=value} lines that {@code bench/render.sh} reads.
 *
 * <p>usage: {@code RenderBenchmark [--input FILE] [--width 320] [--warmup 40] [--iterations 100] [--threads 2]};
 * without {@code --input} a synthetic 4000x3000 photo is made (see {@link SyntheticPhoto}).
 */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int width = Integer.parseInt(options.getOrDefault("width", "320"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "40"));
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "100"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        Path input = options.containsKey("input") ? Path.of(options.get("input"))
                : SyntheticPhoto.write(Files.createTempFile("synthetic-12mp", ".jpg"), 4000, 3000);

        // inspected once, as at ingest: the store renders with the catalogue's facts, not by inspecting again
        // (the inspection reads the whole file to check that it is complete, which ingest has paid for)
        ImageFacts facts = new ImageInspector().inspect(input);
        RenderSpec spec = RenderSpec.parse(Map.of("w", List.of(String.valueOf(width)), "format", List.of("jpeg")),
                RenderLimits.DEFAULT);
        ImageRenderer renderer = new ImageRenderer(RenderLimits.DEFAULT);
        System.out.printf(Locale.ROOT, "input=%s%nsource=%dx%d %s, %d bytes%nspec=%s%n", input, facts.width(),
                facts.height(), facts.format().parameterName(), Files.size(input), spec.key());

        Rendition sample = null;
        for (int i = 0; i < warmup; i++) {
            sample = renderer.render(input, facts, spec);
        }
        System.out.printf(Locale.ROOT, "output=%dx%d, %d bytes%n", sample.width(), sample.height(), sample.bytes().length);

        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            renderer.render(input, facts, spec);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "ms_median=%.1f%nms_p90=%.1f%nms_min=%.1f%n", percentile(ms, 50),
                percentile(ms, 90), ms[0]);

        int total = iterations * threads;
        AtomicInteger left = new AtomicInteger(total);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            long start = System.nanoTime();
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        renderer.render(input, facts, spec);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "threads=%d%nthumbnails_per_s=%.1f%n", threads, total / seconds);
        }
    }

    static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
