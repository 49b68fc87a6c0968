package org.imagestore.ftp.api;

import java.util.List;
import java.util.Optional;

/**
 * What an FTP session asks of the store. The resource adapter calls one method per FTP command that needs
 * the catalogue, each in its own container transaction; it replies to the client only after the call has
 * returned and, for changes, only after the transaction committed.
 *
 * <p>Paths are absolute and normalised by the adapter ({@code /2026/11/21/cam1.jpg}); each source sees only
 * its own virtual tree.
 */
public interface FtpStoreListener {

    /** @return true when the source exists, is enabled and the password matches */
    boolean authenticate(String source, String password, String clientAddress);

    /** @return the file or folder at {@code path}, if there is one ({@code /} always exists) */
    Optional<FtpEntry> stat(String source, String path);

    /** @return the folders and files directly inside {@code folder} */
    List<FtpEntry> list(String source, String folder) throws FtpRefusedException;

    void makeFolder(String source, String folder) throws FtpRefusedException;

    void removeFolder(String source, String folder) throws FtpRefusedException;

    /** Renames a file (an upload) or an empty folder. Renaming a temporary upload name to its final name announces it. */
    void rename(String source, String from, String to) throws FtpRefusedException;

    /** Removes an upload from the source's tree. The stored image itself is purged only by an administrator. */
    void delete(String source, String path) throws FtpRefusedException;

    /**
     * Stores a finished upload. The staged file is fsync'd and its digest known; the store validates it, makes
     * it durable and records it. On success the staged file has been consumed (moved or deleted).
     */
    UploadStored store(UploadReceived upload) throws FtpRefusedException;
}
