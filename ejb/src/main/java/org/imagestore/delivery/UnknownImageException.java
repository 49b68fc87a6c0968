package org.imagestore.delivery;

import org.imagestore.image.ImageId;

/** No image has this id (HTTP 404). */
public class UnknownImageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownImageException(String id) {
        super("no image " + id);
    }

    public UnknownImageException(ImageId id) {
        this(id.value());
    }
}
