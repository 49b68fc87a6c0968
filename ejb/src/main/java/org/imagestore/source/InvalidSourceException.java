package org.imagestore.source;

import jakarta.ejb.ApplicationException;

/** A source's name or password does not meet the rules; says which field and why. */
@ApplicationException(rollback = true)
public class InvalidSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSourceException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
