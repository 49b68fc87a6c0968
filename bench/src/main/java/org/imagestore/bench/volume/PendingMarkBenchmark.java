package org.imagestore.bench.volume;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.OptionalLong;

import org.imagestore.bench.Latencies;
import org.imagestore.bench.Options;
import org.imagestore.image.ImageId;
import org.imagestore.volume.PendingBlob;
import org.imagestore.volume.Volume;
import org.imagestore.volume.VolumeSpec;

/**
 * What the pending mark costs an upload: the store's own {@link Volume#markPending} (create the mark file, fsync
 * the folder) and {@link PendingBlob#clear} (delete it, not synced), as the ingest path calls them once per new
 * blob, timed on a volume in the given folder. Nothing else runs meanwhile, so this is the mark alone, measured
 * apart from the upload runs. For context, also a bare fsync of the same folder.
 *
 * <p>usage: {@code PendingMarkBenchmark --dir DIR [--warmup 200] [--iterations 2000]}; DIR should be on the
 * filesystem of the store's volumes. Prints {@code key=value} lines; the folder is emptied of marks afterwards.
 */
public final class PendingMarkBenchmark {

    private PendingMarkBenchmark() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Options options = Options.parse(args);
        Path dir = Path.of(options.required("dir")).toAbsolutePath();
        int warmup = options.integer("warmup", 200);
        int iterations = options.integer("iterations", 2000);
        Volume volume = Volume.open(new VolumeSpec(dir, OptionalLong.empty()));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");

        Latencies mark = new Latencies();
        Latencies clear = new Latencies();
        Latencies both = new Latencies();
        for (int i = 0; i < warmup + iterations; i++) {
            ImageId id = ImageId.ofSha256(sha256.digest(("pending-mark-" + i).getBytes(StandardCharsets.US_ASCII)));
            long start = System.nanoTime();
            PendingBlob pending = volume.markPending(id);
            long marked = System.nanoTime();
            pending.clear();
            long cleared = System.nanoTime();
            if (i >= warmup) {
                mark.add(marked - start);
                clear.add(cleared - marked);
                both.add(cleared - start);
            }
        }
        if (!volume.pendingBlobs().isEmpty()) {
            throw new IllegalStateException("marks left behind in " + dir);
        }
        Latencies folderSync = new Latencies();
        for (int i = 0; i < iterations / 4; i++) {
            long start = System.nanoTime();
            try (FileChannel channel = FileChannel.open(dir.resolve("pending"), StandardOpenOption.READ)) {
                channel.force(true);
            }
            folderSync.add(System.nanoTime() - start);
        }

        System.out.println("dir=" + dir);
        System.out.println("filesystem=" + Files.getFileStore(dir).type());
        System.out.println("iterations=" + iterations);
        print("ms_mean", both.meanMillis());
        print("ms_p50", both.percentileMillis(50));
        print("ms_p99", both.percentileMillis(99));
        print("mark_ms_mean", mark.meanMillis());
        print("clear_ms_mean", clear.meanMillis());
        print("folder_fsync_ms_mean", folderSync.meanMillis());
    }

    private static void print(String key, double millis) {
        System.out.printf(Locale.ROOT, "%s=%.3f%n", key, millis);
    }
}
