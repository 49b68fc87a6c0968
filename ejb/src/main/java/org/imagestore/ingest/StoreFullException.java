package org.imagestore.ingest;

import org.imagestore.support.RefusedException;

/** No volume that should take the upload has room for it: nothing is kept, a later retry may succeed. */
public class StoreFullException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public StoreFullException(String message) {
        super(message);
    }
}
