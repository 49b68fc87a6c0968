package org.imagestore.bench.ftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.imagestore.bench.Options;
import org.imagestore.bench.Photos;
import org.imagestore.bench.Photos.Photo;

/**
 * FTP upload throughput: {@code concurrency} clients upload a photo folder (whole copies of it, repeated until
 * the run has lasted long enough), each file a separate STOR. Reports uploads/s and MB/s (10^6 bytes) over
 * the stored uploads, and per-upload latency; exits 3 when more than {@code max-error-rate} of them failed.
 * Given several hosts (the nodes of a cluster, all on the same port), the uploads go to them in turn.
 *
 * <p>Options: {@code --hosts h1[,h2...] --port --user --password --photos DIR --folder /remote/folder --label NAME}
 * {@code [--concurrency 1] [--login-per-file false] [--unique-bytes true] [--min-seconds 20]}
 * {@code [--min-repetitions 1] [--repetitions N (exactly N, ignores min-seconds)] [--ids-out FILE]}
 * {@code [--max-error-rate 0.01]}.
 */
public final class FtpUploadBenchmark {

    private FtpUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int port = Integer.parseInt(options.required("port"));
        List<FtpTarget> targets = Arrays.stream(options.required("hosts").split(","))
                .map(host -> new FtpTarget(host.strip(), port, options.required("user"), options.required("password")))
                .toList();
        List<Photo> photos = Photos.load(Path.of(options.required("photos")));
        String folder = options.required("folder");
        int concurrency = options.integer("concurrency", 1);
        boolean loginPerFile = options.flag("login-per-file", false);
        boolean uniqueBytes = options.flag("unique-bytes", true);
        int exactly = options.integer("repetitions", 0);
        double maxErrorRate = Double.parseDouble(options.get("max-error-rate", "0.01"));
        UploadPlan plan = exactly > 0 ? new UploadPlan(photos.size(), 0, exactly, exactly)
                : new UploadPlan(photos.size(), Double.parseDouble(options.get("min-seconds", "20")),
                options.integer("min-repetitions", 1), Integer.MAX_VALUE);

        for (FtpTarget target : targets) {
            target.makeFolders(folder); // before the clock starts: setup, not load
        }
        UploadResults results = new UploadResults();
        List<Future<Void>> workers = new ArrayList<>();
        plan.start();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(new UploadWorker(targets, plan, photos, folder, loginPerFile, uniqueBytes, results)));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        }
        double seconds = (results.lastFinished() - started) / 1e9;
        long attempted = results.stored() + results.failed();
        double errorRate = attempted == 0 ? 1 : (double) results.failed() / attempted;

        if (options.get("ids-out", null) != null) {
            Files.writeString(Path.of(options.get("ids-out", null)), results.imageIds());
        }
        String servers = targets.stream().map(FtpTarget::toString).collect(Collectors.joining(","));
        print("label", options.get("label", servers));
        print("target", servers);
        print("mode", loginPerFile ? "login-per-file" : "session");
        print("concurrency", concurrency);
        print("unique_bytes", uniqueBytes);
        print("photos", photos.size());
        print("folder_bytes", Photos.totalBytes(photos));
        print("repetitions", plan.repetitions());
        print("uploads", attempted);
        print("replies_226", results.stored());
        print("errors", results.failed());
        print("error_rate", String.format(Locale.ROOT, "%.4f", errorRate));
        print("seconds", String.format(Locale.ROOT, "%.2f", seconds));
        print("stored_bytes", results.storedBytes());
        print("uploads_per_s", String.format(Locale.ROOT, "%.1f", results.stored() / seconds));
        print("mb_per_s", String.format(Locale.ROOT, "%.1f", results.storedBytes() / 1e6 / seconds));
        print("ms_p50", String.format(Locale.ROOT, "%.1f", results.latencies().percentileMillis(50)));
        print("ms_p99", String.format(Locale.ROOT, "%.1f", results.latencies().percentileMillis(99)));
        for (String sample : results.errorSamples()) {
            System.err.println("ftp upload failed: " + sample);
        }
        if (attempted == 0 || errorRate > maxErrorRate) {
            System.err.printf(Locale.ROOT, "FtpUploadBenchmark: %d of %d uploads failed (%.2f%%, limit %.2f%%)%n",
                    results.failed(), attempted, errorRate * 100, maxErrorRate * 100);
            System.exit(3);
        }
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
