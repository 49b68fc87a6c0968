package org.imagestore.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.imagestore.bench.Latencies;
import org.imagestore.bench.Options;

/**
 * Renders through the server: one {@code GET /images/{id}?<query>} per image, each URL requested once, so
 * (for images that were never rendered) every request is a first render: the server reads the original,
 * decodes, scales, encodes and caches it. Reports ms per request and renders/s at the given concurrency.
 * A 200 with an image body is the only success; exits 3 when more than 1% failed.
 *
 * <p>{@code bench/run} also uses it to warm the rendition cache (and keep the renditions, {@code --save DIR},
 * for nginx to serve files of the very same sizes).
 *
 * <p>Options: {@code --base http://127.0.0.1:8080 --ids FILE (image id in the last tab-separated column)}
 * {@code [--skip 0] [--count all] [--query w=320] [--concurrency 1] [--save DIR] [--label NAME]}.
 */
public final class FirstRenderBenchmark {

    private FirstRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String base = options.required("base");
        String query = options.get("query", "w=320");
        int concurrency = options.integer("concurrency", 1);
        Path save = options.get("save", null) == null ? null : Files.createDirectories(Path.of(options.get("save", null)));
        List<String> ids = ids(Path.of(options.required("ids")), options.integer("skip", 0),
                options.integer("count", Integer.MAX_VALUE));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no image ids to request");
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        AtomicLong bodyBytes = new AtomicLong();
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                        String id = ids.get(i);
                        URI uri = URI.create(base + "/images/" + id + (query.isEmpty() ? "" : "?" + query));
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                            long took = System.nanoTime() - start;
                            String type = response.headers().firstValue("Content-Type").orElse("");
                            if (response.statusCode() != 200 || !type.startsWith("image/") || response.body().length == 0) {
                                failed.incrementAndGet();
                                errors.add(uri + ": HTTP " + response.statusCode() + " " + type);
                                continue;
                            }
                            latencies.add(took);
                            bodyBytes.addAndGet(response.body().length);
                            if (save != null) {
                                Files.write(save.resolve(id + ".jpg"), response.body());
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            errors.add(uri + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int ok = latencies.count();
        double errorRate = (double) failed.get() / ids.size();

        print("label", options.get("label", "renders"));
        print("query", query);
        print("concurrency", concurrency);
        print("requests", ids.size());
        print("replies_200", ok);
        print("errors", failed.get());
        print("seconds", String.format(Locale.ROOT, "%.2f", seconds));
        print("per_s", String.format(Locale.ROOT, "%.1f", ok / seconds));
        print("ms_mean", String.format(Locale.ROOT, "%.1f", latencies.meanMillis()));
        print("ms_p50", String.format(Locale.ROOT, "%.1f", latencies.percentileMillis(50)));
        print("ms_p99", String.format(Locale.ROOT, "%.1f", latencies.percentileMillis(99)));
        print("bytes_mean", ok == 0 ? 0 : bodyBytes.get() / ok);
        errors.stream().limit(5).forEach(e -> System.err.println("request failed: " + e));
        if (ok == 0 || errorRate > 0.01) {
            System.err.printf(Locale.ROOT, "FirstRenderBenchmark: %d of %d requests failed%n", failed.get(), ids.size());
            System.exit(3);
        }
    }

    /** Image ids, one per line (the last tab-separated column), after skipping {@code skip}, at most {@code count}. */
    private static List<String> ids(Path file, int skip, int count) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.substring(l.lastIndexOf('\t') + 1)).skip(skip).limit(count).toList();
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
