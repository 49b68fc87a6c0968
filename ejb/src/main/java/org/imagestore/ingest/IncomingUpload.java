package org.imagestore.ingest;

import java.nio.file.Path;
import java.time.Instant;

import org.imagestore.image.ImageId;
import org.imagestore.upload.TreePath;

/**
 * An upload to store: received completely, staged on a local filesystem and fsync'd, its digest computed while
 * it arrived.
 *
 * @param path          where the source put it in its tree
 * @param stagedFile    the bytes; consumed (moved or deleted) by a successful store
 * @param bytes         how many bytes were received
 * @param id            the image id those bytes have (their SHA-256)
 * @param receivedAt    when the last byte arrived
 * @param clientAddress the sender's IP address
 */
public record IncomingUpload(TreePath path, Path stagedFile, long bytes, ImageId id, Instant receivedAt,
                             String clientAddress) {
}
