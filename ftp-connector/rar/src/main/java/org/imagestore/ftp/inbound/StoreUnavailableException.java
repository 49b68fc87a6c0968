package org.imagestore.ftp.inbound;

/** The catalogue could not be read for an FTP command; FtpServer answers it with an error reply. */
final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreUnavailableException(String message) {
        super(message);
    }
}
