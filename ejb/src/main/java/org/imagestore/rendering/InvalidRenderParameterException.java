package org.imagestore.rendering;

import org.imagestore.support.InvalidParameterException;

/** A render URL parameter is wrong: says which one and why (mapped to HTTP 400). */
public class InvalidRenderParameterException extends InvalidParameterException {

    private static final long serialVersionUID = 1L;

    public InvalidRenderParameterException(String parameter, String reason) {
        super(parameter, reason);
    }
}
