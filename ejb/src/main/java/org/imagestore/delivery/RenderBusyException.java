package org.imagestore.delivery;

/** Every render slot stayed busy for too long: the client should retry shortly (HTTP 503 + Retry-After). */
public class RenderBusyException extends RuntimeException {

    /** Marks a 503 as this one (and not, say, a missing copy), for the node that asked another to render. */
    public static final String HEADER = "X-Imagestore-Busy";

    private static final long serialVersionUID = 1L;

    public RenderBusyException(String message) {
        super(message);
    }
}
