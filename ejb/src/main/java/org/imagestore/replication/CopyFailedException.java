package org.imagestore.replication;

/** A copy to or from another node did not happen (it is down, slow, full, or answered with an error). */
public class CopyFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean noRoom;

    public CopyFailedException(String message, boolean noRoom) {
        super(message);
        this.noRoom = noRoom;
    }

    public CopyFailedException(String message, Throwable cause) {
        super(message, cause);
        this.noRoom = false;
    }

    /** The node answered that it has no room for the copy. */
    public boolean noRoom() {
        return noRoom;
    }
}
