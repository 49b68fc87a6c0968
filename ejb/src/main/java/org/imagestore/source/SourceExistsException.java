package org.imagestore.source;

import jakarta.ejb.ApplicationException;

/** A source with that name exists already. */
@ApplicationException(rollback = true)
public class SourceExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceExistsException(SourceName name) {
        super("source " + name + " exists already");
    }
}
