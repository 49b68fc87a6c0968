package org.imagestore.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.imagestore.image.ImageId;
import org.imagestore.upload.TreePath;

/**
 * An upload to store: received completely and staged on a local filesystem, its digest computed while it
 * arrived; its fsync may still be running.
 *
 * @param path          where the source put it in its tree
 * @param stagedFile    the bytes; consumed (moved or deleted) by a successful store
 * @param synced        waits for the staged file's fsync: called before the file becomes a blob
 * @param bytes         how many bytes were received
 * @param id            the image id those bytes have (their SHA-256)
 * @param receivedAt    when the last byte arrived
 * @param clientAddress the sender's IP address
 */
public record IncomingUpload(TreePath path, Path stagedFile, Synced synced, long bytes, ImageId id,
                             Instant receivedAt, String clientAddress) {

    /** Waits for the staged file's fsync, started when the transfer ended. */
    @FunctionalInterface
    public interface Synced {

        /** Returns once the staged bytes are on disk; throws if they could not be put there (keep nothing then). */
        void await() throws IOException;
    }
}
