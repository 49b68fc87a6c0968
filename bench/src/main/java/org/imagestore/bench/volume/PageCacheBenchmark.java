package org.imagestore.bench.volume;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Random;

import org.imagestore.volume.PageCache;

/**
 * What writing an upload's bytes costs the writing thread's CPU when every stored file keeps its pages in the page
 * cache ({@code keep}), against giving them back once the file is fsync'd, as the store does
 * ({@code release}, the store's own {@link PageCache#release}). Each file is written as the FTP staging does
 * (64 KB writes from the heap through a {@link FileChannel}, then fsync). Kept files make the kernel take fresh
 * pages for the next ones; released ones let it reuse theirs. The {@code keep} rounds run first, then the
 * {@code release} rounds, and every file is deleted at the end.
 *
 * <p>usage: {@code PageCacheBenchmark --dir DIR [--files 400] [--bytes 1153433] [--rounds 3]}. Prints
 * {@code key=value} lines: thread CPU per file for each round of each mode.
 */
public final class PageCacheBenchmark {

    private static final int WRITE = 64 * 1024;

    private PageCacheBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        var options = org.imagestore.bench.Options.parse(args);
        Path dir = Files.createDirectories(Path.of(options.required("dir")).toAbsolutePath());
        int files = options.integer("files", 400);
        int bytes = options.integer("bytes", 1_153_433);
        int rounds = options.integer("rounds", 3);
        byte[] content = new byte[bytes];
        new Random(1).nextBytes(content);
        System.out.println("dir=" + dir);
        System.out.println("filesystem=" + Files.getFileStore(dir).type());
        System.out.println("files_per_round=" + files);
        System.out.println("bytes_per_file=" + bytes);
        try {
            for (String mode : new String[] {"keep", "release"}) {
                for (int round = 1; round <= rounds; round++) {
                    long cpu = 0;
                    for (int i = 0; i < files; i++) {
                        cpu += write(dir.resolve(mode + "-" + round + "-" + i), content, mode.equals("release"));
                    }
                    System.out.printf(Locale.ROOT, "%s_round%d_cpu_ms_per_file=%.3f%n", mode, round, cpu / 1e6 / files);
                }
            }
        } finally {
            try (var written = Files.list(dir)) {
                for (Path file : written.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Thread CPU nanoseconds to write, fsync (and release) one file. */
    private static long write(Path file, byte[] content, boolean release) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int offset = 0; offset < content.length; offset += WRITE) {
                channel.write(ByteBuffer.wrap(content, offset, Math.min(WRITE, content.length - offset)));
            }
            channel.force(true);
        }
        if (release) {
            PageCache.release(file);
        }
        return threads.getCurrentThreadCpuTime() - start;
    }
}
