package org.imagestore.delivery;

import jakarta.ejb.ApplicationException;

import org.imagestore.image.ImageId;

/**
 * No image has this id (HTTP 404).
 * An expected outcome, not a failure of the bean: the container passes it on without logging a stack trace.
 */
@ApplicationException
public class UnknownImageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownImageException(String id) {
        super("no image " + id);
    }

    public UnknownImageException(ImageId id) {
        this(id.value());
    }
}
