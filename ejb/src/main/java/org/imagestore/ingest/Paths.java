package org.imagestore.ingest;

import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpRefusedException.Kind;
import org.imagestore.upload.InvalidPathException;
import org.imagestore.upload.TreePath;

/** Paths from the adapter, turned into tree paths or refused as bad names. */
final class Paths {

    private Paths() {
    }

    static TreePath of(String path) throws FtpRefusedException {
        try {
            return new TreePath(path);
        } catch (InvalidPathException e) {
            throw new FtpRefusedException(Kind.BAD_NAME, e.getMessage());
        }
    }
}
