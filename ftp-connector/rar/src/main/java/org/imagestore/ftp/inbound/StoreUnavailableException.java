package org.imagestore.ftp.inbound;

/** The catalogue could not be read for an FTP command: answered 451, try again ({@link StoreUnavailableReplies}). */
final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreUnavailableException(String message) {
        super(message);
    }
}
