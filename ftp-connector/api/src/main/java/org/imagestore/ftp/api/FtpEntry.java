package org.imagestore.ftp.api;

import java.time.Instant;

/** A file (an upload) or a folder in a source's virtual tree. */
public record FtpEntry(String name, boolean folder, long size, Instant lastModified) {

    public static FtpEntry folder(String name, Instant lastModified) {
        return new FtpEntry(name, true, 0, lastModified);
    }

    public static FtpEntry file(String name, long size, Instant lastModified) {
        return new FtpEntry(name, false, size, lastModified);
    }
}
