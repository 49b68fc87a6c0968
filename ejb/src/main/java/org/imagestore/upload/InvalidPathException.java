package org.imagestore.upload;

/** A path or name a source may not use. */
public class InvalidPathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPathException(String message) {
        super(message);
    }
}
