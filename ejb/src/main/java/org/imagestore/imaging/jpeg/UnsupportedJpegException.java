package org.imagestore.imaging.jpeg;

/** The JPEG is outside what {@link ScaledJpegDecoder} handles (or is damaged): the caller falls back to Image I/O. */
public class UnsupportedJpegException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedJpegException(String reason) {
        super(reason);
    }
}
