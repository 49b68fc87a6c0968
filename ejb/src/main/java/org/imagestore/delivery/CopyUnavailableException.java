package org.imagestore.delivery;

import org.imagestore.image.ImageId;

/** The image is known but no copy can be read right now (HTTP 503). */
public class CopyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CopyUnavailableException(ImageId id, String why) {
        super("image " + id + " cannot be read right now: " + why);
    }
}
