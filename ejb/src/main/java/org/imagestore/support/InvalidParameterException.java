package org.imagestore.support;

import jakarta.ejb.ApplicationException;

/**
 * A parameter, query parameter or JSON field a caller gave is wrong: names it and says why. HTTP turns it into
 * 400 with that name; inside a transaction it rolls back.
 */
@ApplicationException(rollback = true)
public class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidParameterException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return getMessage();
    }
}
