package org.imagestore.ftp.api;

import jakarta.ejb.ApplicationException;

/**
 * The store refuses an FTP request, for a reason the client should see. Thrown by the MDB, it rolls the
 * transaction back (checked exceptions would otherwise commit) and reaches the adapter unwrapped.
 */
@ApplicationException(rollback = true)
public class FtpRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, in FTP terms: the adapter turns it into a reply code. */
    public enum Kind {
        /** Try again later (451/450): the store could not complete the request. */
        TRANSIENT,
        /** Never (550): e.g. not an image, not allowed. */
        PERMANENT,
        /** No such file or folder (550). */
        NOT_FOUND,
        /** Bad file or folder name (553). */
        BAD_NAME,
        /** No space left to store it (452). */
        NO_SPACE
    }

    private final Kind kind;

    public FtpRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
