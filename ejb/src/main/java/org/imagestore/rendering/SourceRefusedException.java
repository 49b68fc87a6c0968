package org.imagestore.rendering;

import jakarta.ejb.ApplicationException;

/**
 * The source image will not be rendered: too many pixels, too many bytes, or undecodable (HTTP 422).
 * An expected outcome, not a failure of the bean: the container passes it on without logging a stack trace.
 */
@ApplicationException
public class SourceRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceRefusedException(String reason) {
        super(reason);
    }
}
