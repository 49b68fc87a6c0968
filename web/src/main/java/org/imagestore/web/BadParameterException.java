package org.imagestore.web;

/** A request parameter or JSON field is wrong (HTTP 400). */
public class BadParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public BadParameterException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
