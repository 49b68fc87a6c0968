package org.imagestore.delivery;

import jakarta.ejb.ApplicationException;

import org.imagestore.image.ImageId;

/**
 * The image is known but no copy can be read right now (HTTP 503).
 * An expected outcome, not a failure of the bean: the container passes it on without logging a stack trace.
 */
@ApplicationException
public class CopyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CopyUnavailableException(ImageId id, String why) {
        super("image " + id + " cannot be read right now: " + why);
    }
}
