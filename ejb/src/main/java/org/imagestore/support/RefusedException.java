package org.imagestore.support;

import jakarta.ejb.ApplicationException;

/**
 * The store refuses a request for a reason its caller should be told (a name taken, content that is not an
 * image, no room left...). Each subclass names one such reason; the edges (FTP, HTTP) turn it into their own
 * replies. Thrown inside a transaction it rolls it back, and reaches the caller unwrapped.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class RefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    protected RefusedException(String message) {
        super(message);
    }

    protected RefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
