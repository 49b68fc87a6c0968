package org.imagestore.rendering;

/** A render URL parameter is wrong: says which one and why (mapped to HTTP 400). */
public class InvalidRenderParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidRenderParameterException(String parameter, String reason) {
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
