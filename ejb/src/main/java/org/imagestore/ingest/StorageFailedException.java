package org.imagestore.ingest;

import org.imagestore.support.RefusedException;

/** Writing the upload's bytes failed (a disk error, a copy that did not arrive): nothing is kept; retry. */
public class StorageFailedException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public StorageFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
