package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

import org.imagestore.ftp.api.StagedFileSync;

/**
 * The folder where uploads land while they are being received, and the fsyncs of its files. Each upload gets its
 * own file name, so a client's retry never writes into a file that is still being stored. Leftovers from a crash
 * are removed at start: they were never acknowledged. A staged file's fsync runs on a thread of its own (one per
 * upload being stored, at most), so that the store's checks and statements do not wait for the disk.
 */
final class StagingArea {

    private static final Logger LOG = Logger.getLogger(StagingArea.class.getName());
    private static final String SUFFIX = ".upload";

    private final Path folder;
    private final ExecutorService syncs = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
            .name("imagestore-ftp-fsync-", 1).factory());

    StagingArea(Path folder) {
        this.folder = folder;
    }

    void prepare() {
        try {
            Files.createDirectories(folder);
            int removed = 0;
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                    removed++;
                }
            }
            if (removed > 0) {
                LOG.info("removed " + removed + " unacknowledged partial uploads from " + folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("FTP staging folder " + folder + " is not usable", e);
        }
    }

    Path newFile() {
        return folder.resolve(UUID.randomUUID() + SUFFIX);
    }

    /** Starts the fsync of a staged file's bytes and metadata; the channel is closed when it has run. */
    StagedFileSync syncInBackground(FileChannel staged) throws IOException {
        CompletableFuture<Void> synced;
        try {
            synced = CompletableFuture.runAsync(() -> {
                try (staged) {
                    staged.force(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, syncs);
        } catch (RejectedExecutionException stopping) { // the adapter is stopping: this thread syncs
            try (staged) {
                staged.force(true);
            }
            return () -> { };
        }
        return () -> {
            try {
                synced.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                        : new IOException("the staged file's fsync failed", e.getCause());
            }
        };
    }

    /** Lets the fsyncs that run finish, and starts no more. */
    void close() {
        syncs.shutdown();
    }
}
