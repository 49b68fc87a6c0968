package org.imagestore.source;

import org.imagestore.support.InvalidParameterException;

/** A source's name or password does not meet the rules; says which field and why. */
public class InvalidSourceException extends InvalidParameterException {

    private static final long serialVersionUID = 1L;

    public InvalidSourceException(String field, String reason) {
        super(field, reason);
    }

    public String field() {
        return parameter();
    }
}
