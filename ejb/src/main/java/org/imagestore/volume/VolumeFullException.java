package org.imagestore.volume;

/** No local volume has room for a blob. */
public class VolumeFullException extends Exception {

    private static final long serialVersionUID = 1L;

    public VolumeFullException(String message) {
        super(message);
    }
}
