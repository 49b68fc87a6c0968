package org.imagestore.source;

import jakarta.ejb.ApplicationException;

/** No source has that name. */
@ApplicationException(rollback = true)
public class UnknownSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownSourceException(String name) {
        super("no source named " + name);
    }
}
