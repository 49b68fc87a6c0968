package org.imagestore.delivery;

/** Every render slot stayed busy for too long: the client should retry shortly (HTTP 503 + Retry-After). */
public class RenderBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RenderBusyException(String message) {
        super(message);
    }
}
