package org.imagestore.replication;

/** The node asked to render had every render slot taken and turned the render away (HTTP 503): try another. */
public class HolderBusyException extends CopyFailedException {

    private static final long serialVersionUID = 1L;

    public HolderBusyException(String message) {
        super(message, false);
    }
}
