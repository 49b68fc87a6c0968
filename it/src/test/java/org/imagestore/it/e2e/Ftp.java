package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.net.PrintCommandListener;
import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPCmd;
import org.apache.commons.net.ftp.FTPReply;

/**
 * An FTP session with one node, as a camera has it. Closing it sends QUIT and disconnects, and tolerates a
 * connection that is dead already (dropped by the test, or by a killed node).
 */
final class Ftp extends FTPClient implements AutoCloseable {

    private static final Pattern IMAGE_ID_IN_REPLY = Pattern.compile("stored as image ([a-z2-7]{52})");
    /** How long closing waits for the reply to QUIT: a node that does not answer must not hold the test up. */
    private static final int QUIT_TIMEOUT_MILLIS = 5_000;

    private final List<String> sent = new CopyOnWriteArrayList<>();

    private Ftp() {
        addProtocolCommandListener(new PrintCommandListener(new PrintWriter(System.out, true), true));
        addProtocolCommandListener(new ProtocolCommandListener() {
            @Override
            public void protocolCommandSent(ProtocolCommandEvent event) {
                sent.add(event.getCommand().toUpperCase());
            }

            @Override
            public void protocolReplyReceived(ProtocolCommandEvent event) {
            }
        });
        setControlEncoding("UTF-8");
        setConnectTimeout(10_000);
        setDefaultTimeout(120_000);
    }

    /** Connected to node-1, not logged in. */
    static Ftp connect() {
        return connect(NodeAddress.NODE_1);
    }

    /** Connected to the node, not logged in. */
    static Ftp connect(NodeAddress node) {
        Ftp ftp = new Ftp();
        boolean connected = false;
        try {
            ftp.connect(node.host(), node.ftpPort());
            assertTrue(FTPReply.isPositiveCompletion(ftp.getReplyCode()), () -> "FTP greeting of " + node + ": " + ftp.lastReply());
            ftp.setSoTimeout(120_000);
            connected = true;
            return ftp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to FTP of " + node, e);
        } finally {
            if (!connected) {
                ftp.close();
            }
        }
    }

    /** Logged in to node-1 as the source, binary, passive mode. */
    static Ftp login(Source source) {
        return login(NodeAddress.NODE_1, source);
    }

    /** Logged in to the node as the source, binary, passive mode. */
    static Ftp login(NodeAddress node, Source source) {
        Ftp ftp = connect(node);
        boolean loggedIn = false;
        try {
            assertTrue(ftp.login(source.name(), source.password()), () -> "login as " + source.name() + ": " + ftp.lastReply());
            assertTrue(ftp.setFileType(FTP.BINARY_FILE_TYPE), ftp::lastReply);
            ftp.enterLocalPassiveMode();
            loggedIn = true;
            return ftp;
        } catch (IOException e) {
            throw new UncheckedIOException("login as " + source.name(), e);
        } finally {
            if (!loggedIn) {
                ftp.close();
            }
        }
    }

    /** Uploads to node-1 in a session of its own; must succeed with 226 naming the content's image id. */
    static String upload(Source source, String path, byte[] bytes) {
        return upload(NodeAddress.NODE_1, source, path, bytes);
    }

    /** Uploads to the node in a session of its own; must succeed with 226 naming the content's image id. */
    static String upload(NodeAddress node, Source source, String path, byte[] bytes) {
        try (Ftp ftp = login(node, source)) {
            return ftp.upload(path, bytes);
        }
    }

    /** The outcome of a STOR: the final reply and the image id it names, if any. */
    record Stored(boolean ok, int code, String reply, String imageId) {
    }

    Stored stor(String path, byte[] bytes) {
        try {
            boolean ok = storeFile(path, new ByteArrayInputStream(bytes));
            String reply = lastReply();
            Matcher m = IMAGE_ID_IN_REPLY.matcher(reply);
            return new Stored(ok, getReplyCode(), reply, m.find() ? m.group(1) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("STOR " + path, e);
        }
    }

    /** STOR that must succeed with 226 naming the content's image id; returns that id. */
    String upload(String path, byte[] bytes) {
        Stored stored = stor(path, bytes);
        assertTrue(stored.ok(), () -> "STOR " + path + ": " + stored.reply());
        assertEquals(226, stored.code(), stored::reply);
        assertEquals(ImageId.of(bytes), stored.imageId(), () -> "image id in the 226 reply: " + stored.reply());
        return stored.imageId();
    }

    /** Opens the data connection of a STOR and returns its socket; the caller sends (or not) the bytes. */
    Socket openStor(String name) throws IOException {
        return _openDataConnection_(FTPCmd.STOR, name);
    }

    /** The control connection's socket, to drop it abruptly. */
    Socket controlSocket() {
        return _socket_;
    }

    /** Every command sent in this session, upper case, to check which data connection mode was used. */
    List<String> commandsSent() {
        return sent;
    }

    String lastReply() {
        return getReplyString() == null ? "" : getReplyString().trim();
    }

    /** QUIT and disconnect; a dead or half-closed connection is fine (the test's outcome is decided already). */
    @Override
    public void close() {
        quit(this);
    }

    /** {@link #close()} for any commons-net FTP client (FTPS too). */
    static void quit(FTPClient ftp) {
        if (!ftp.isConnected()) {
            return;
        }
        try {
            ftp.setSoTimeout(QUIT_TIMEOUT_MILLIS);
            ftp.logout();
        } catch (IOException ignored) {
            // dead already, or the node does not answer: disconnecting is all that is left
        }
        try {
            ftp.disconnect();
        } catch (IOException ignored) {
            // as above
        }
    }
}
