package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FtpServerLogsTest {

    private final FtpServerLogs logs = new FtpServerLogs();
    private final Logger ours = Logger.getLogger(FtpServerLogs.class.getName());
    private final List<LogRecord> written = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            written.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        ours.addHandler(capture);
    }

    @AfterEach
    void release() {
        ours.removeHandler(capture);
        logs.uninstall();
    }

    private static LogRecord record(String logger, Level level, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }

    @Test
    void aClientResetBecomesOneLineWithoutAStackTrace() {
        var reset = new SocketException("Connection reset");
        assertFalse(logs.isLoggable(record("org.apache.ftpserver.impl.DefaultFtpHandler", Level.SEVERE,
                "Exception caught, closing session", reset)));
        assertFalse(logs.isLoggable(record("org.apache.ftpserver.impl.IODataConnection", Level.WARNING,
                "Exception during data transfer, closing data connection socket", reset)));
        assertFalse(logs.isLoggable(record("org.apache.ftpserver.listener.nio.FtpLoggingFilter", Level.WARNING,
                "EXCEPTION :", reset)));

        assertEquals(1, written.size());
        assertEquals(Level.INFO, written.get(0).getLevel());
        assertEquals("FTP connection closed by the client: Connection reset", written.get(0).getMessage());
        assertEquals(null, written.get(0).getThrown());
    }

    @Test
    void refusedLoginsAreLeftToTheUserManagerWhichNamesTheClient() {
        assertFalse(logs.isLoggable(record("org.apache.ftpserver.command.impl.PASS", Level.WARNING, "Login failure - cam1", null)));
        assertTrue(written.isEmpty());
    }

    @Test
    void aStoreThatCannotAnswerIsOneWarning() {
        assertFalse(logs.isLoggable(record("org.apache.ftpserver.impl.DefaultFtpHandler", Level.WARNING,
                "RequestHandler.service()", new StoreUnavailableException("catalogue down"))));
        assertEquals(Level.WARNING, written.get(0).getLevel());
        assertEquals("FTP command refused, the store could not answer: catalogue down", written.get(0).getMessage());
    }

    @Test
    void anythingElseIsLoggedAsFtpServerWroteIt() {
        var bug = new IllegalStateException("a bug");
        assertTrue(logs.isLoggable(record("org.apache.ftpserver.impl.DefaultFtpHandler", Level.SEVERE,
                "Exception caught, closing session", bug)));
        assertTrue(logs.isLoggable(record("org.apache.ftpserver.listener.nio.FtpLoggingFilter", Level.INFO, "CREATED", null)));
        assertTrue(written.isEmpty());
    }

    @Test
    void installedOnFtpServersLoggersAndRemovedAgain() {
        Logger handler = Logger.getLogger("org.apache.ftpserver.impl.DefaultFtpHandler");
        logs.install();
        assertTrue(handler.getFilter() == logs);
        logs.uninstall();
        assertEquals(null, handler.getFilter());
    }
}
