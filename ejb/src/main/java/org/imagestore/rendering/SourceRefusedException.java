package org.imagestore.rendering;

/** The source image will not be rendered: too many pixels, too many bytes, or undecodable (HTTP 422). */
public class SourceRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceRefusedException(String reason) {
        super(reason);
    }
}
