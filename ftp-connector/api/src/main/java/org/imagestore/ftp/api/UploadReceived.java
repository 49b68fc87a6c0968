package org.imagestore.ftp.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * A complete upload, staged on a local volume; its fsync may still be running ({@code synced}).
 *
 * @param source        the FTP account that sent it
 * @param path          absolute path in the source's tree
 * @param stagedFile    where the bytes are
 * @param synced        waits for the staged file's fsync: the store calls it before the file becomes a blob
 * @param bytes         how many bytes were received
 * @param sha256        the SHA-256 digest of those bytes, computed while they were received
 * @param receivedAt    when the data connection closed
 * @param clientAddress the client's IP address
 * @param clientWaiting whether the client is still connected, waiting for the reply: the store asks it as the
 *                      last step before it commits, and keeps nothing for a client that is gone
 */
public record UploadReceived(String source, String path, Path stagedFile, StagedFileSync synced, long bytes,
                             byte[] sha256, Instant receivedAt, String clientAddress, BooleanSupplier clientWaiting) {

    public UploadReceived {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + sha256.length);
        }
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}
