package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps FtpServer's own logging readable for an operator. A camera that drops its connection is routine, but
 * FtpServer logs it at SEVERE with a stack trace, three times over (handler, data connection, logging filter), and
 * logs each refused login twice without the client's address. This filter drops those records and writes one
 * line instead; the adapter's own classes already log what happened to which upload and login, with addresses.
 */
final class FtpServerLogs implements Filter {

    private static final Logger LOG = Logger.getLogger(FtpServerLogs.class.getName());

    /** The loggers filtered; held here because JUL keeps only weak references to loggers. */
    private final List<Logger> loggers = List.of(
            Logger.getLogger("org.apache.ftpserver.impl.DefaultFtpHandler"),
            Logger.getLogger("org.apache.ftpserver.impl.IODataConnection"),
            Logger.getLogger("org.apache.ftpserver.listener.nio.FtpLoggingFilter"),
            Logger.getLogger("org.apache.ftpserver.command.impl.PASS"));

    void install() {
        loggers.forEach(logger -> logger.setFilter(this));
    }

    void uninstall() {
        loggers.stream().filter(logger -> logger.getFilter() == this).forEach(logger -> logger.setFilter(null));
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        Throwable thrown = record.getThrown();
        if (logger.endsWith(".PASS")) {
            return false; // SourceUserManager logs refused logins with the client's address
        }
        if (logger.endsWith(".FtpLoggingFilter")) {
            return thrown == null; // its exception records repeat the handler's
        }
        if (thrown instanceof IOException dropped) {
            // the client went away; DurableStor already logs an upload that was cut off
            if (logger.endsWith(".DefaultFtpHandler")) {
                LOG.info(() -> "FTP connection closed by the client: " + dropped.getMessage());
            }
            return false;
        }
        if (thrown instanceof StoreUnavailableException unavailable) {
            LOG.warning(() -> "FTP command refused, the store could not answer: " + unavailable.getMessage());
            return false;
        }
        return true;
    }

}
