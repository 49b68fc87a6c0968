package org.imagestore.imaging;

/** The content is not an image in a format we accept (judged by content, never by file name). */
public class NotAnImageException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotAnImageException(String reason) {
        super(reason);
    }

    public NotAnImageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
