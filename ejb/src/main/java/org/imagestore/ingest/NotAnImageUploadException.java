package org.imagestore.ingest;

import org.imagestore.imaging.NotAnImageException;
import org.imagestore.support.RefusedException;

/** The upload's content is not an image in an accepted format (judged by content, never by name): nothing is kept. */
public class NotAnImageUploadException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public NotAnImageUploadException(NotAnImageException reason) {
        super(reason.getMessage(), reason);
    }
}
