package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.ftpserver.impl.IODataConnectionFactory;
import org.apache.ftpserver.impl.ServerFtpStatistics;
import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.StagedFileSync;
import org.imagestore.ftp.api.UploadReceived;
import org.imagestore.ftp.api.UploadStored;

/**
 * STOR that acknowledges only what is durable. The stock command replies 226 as soon as the bytes are written
 * and cannot report a failed store with a 4xx; this one receives into a staging file (hashing as it goes),
 * starts its fsync, frees the data connection, hands the upload to the store (which waits for the fsync before the
 * file becomes a blob), and replies 226 only when the store's transaction committed. Anything else gets a 4xx/5xx
 * and leaves nothing behind.
 */
final class DurableStor implements Command {

    private static final Logger LOG = Logger.getLogger(DurableStor.class.getName());

    private final StoreGateway store;
    private final StagingArea staging;
    private final UploadsInProgress inProgress;
    private final long maxUploadBytes;

    DurableStor(StoreGateway store, StagingArea staging, UploadsInProgress inProgress, long maxUploadBytes) {
        this.store = store;
        this.staging = staging;
        this.inProgress = inProgress;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) throws IOException {
        Path staged = null;
        boolean entered = false;
        try {
            String argument = request.getArgument();
            if (argument == null || argument.isBlank()) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_501_SYNTAX_ERROR_IN_PARAMETERS_OR_ARGUMENTS,
                        "STOR needs a file name"));
                return;
            }
            if (session.getFileOffset() > 0) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_504_COMMAND_NOT_IMPLEMENTED_FOR_THAT_PARAMETER,
                        "Resuming uploads (REST) is not supported; send the whole file"));
                return;
            }
            if (session.getDataConnection() instanceof IODataConnectionFactory factory && factory.getInetAddress() == null) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_503_BAD_SEQUENCE_OF_COMMANDS,
                        "PORT, PASV or EPSV must be issued first"));
                return;
            }
            VirtualFileSystemView view = (VirtualFileSystemView) session.getFileSystemView();
            VirtualFile target = view.resolve(argument);
            String path = target.getAbsolutePath();
            // a folder's name is refused by the store itself, after the transfer (550, nothing kept): asking first
            // would cost every upload a transaction of its own for a mistake cameras do not make
            if (path.equals(FtpPaths.ROOT)) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN, path + " is a folder"));
                return;
            }

            inProgress.enter();
            entered = true;
            session.write(new DefaultFtpReply(FtpReply.REPLY_150_FILE_STATUS_OKAY, "Ready to receive " + path))
                    .awaitUninterruptibly(10_000);
            DataConnection data;
            try {
                data = session.getDataConnection().openConnection();
            } catch (Exception e) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_425_CANT_OPEN_DATA_CONNECTION, "Cannot open data connection"));
                return;
            }

            staged = staging.newFile();
            Received received = receive(session, data, staged, path, view.source());
            if (received == null) {
                return;
            }
            // The bytes may have ended because the client died (its kernel closes the socket with a FIN, which
            // reads like a normal end of file): only a client still connected gets its upload stored.
            if (!session.isConnected() || session.isClosing()) {
                LOG.warning(() -> "FTP upload " + path + " from " + view.source()
                        + " discarded: the client disconnected before the transfer was confirmed");
                return;
            }

            UploadReceived upload = new UploadReceived(view.source(), path, staged, received.synced(), received.bytes(),
                    received.sha256(), Instant.now(), clientAddress(session),
                    () -> session.isConnected() && !session.isClosing());
            UploadStored stored = store.change(s -> s.store(upload));
            if (context.getFtpStatistics() instanceof ServerFtpStatistics statistics) {
                statistics.setUpload(session, target, received.bytes());
            }
            session.write(new DefaultFtpReply(FtpReply.REPLY_226_CLOSING_DATA_CONNECTION,
                    "Transfer complete: stored as image " + stored.imageId()
                            + (stored.announced() ? "" : " (announced when renamed to its final name)")));
        } catch (FtpRefusedException refusal) {
            session.write(Refusals.reply(refusal));
        } finally {
            session.resetState();
            session.getDataConnection().closeDataConnection();
            // normally the store has moved it away; exists() first, since deleteIfExists throws (inside) when it is gone
            if (staged != null && Files.exists(staged)) {
                Files.deleteIfExists(staged);
            }
            if (entered) {
                inProgress.exit();
            }
        }
    }

    private record Received(long bytes, byte[] sha256, StagedFileSync synced) {
    }

    /**
     * Receives the data into {@code staged} and starts its fsync, which the store waits for before the file
     * becomes a blob; replies and returns null when the transfer failed.
     */
    private Received receive(FtpIoSession session, DataConnection data, Path staged, String path, String source) {
        MessageDigest sha256 = sha256();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Optional<InputStream> input = ClientData.open(data, session.getDataConnection());
            if (input.isEmpty()) {
                // FtpServer's passive IP check refused a data connection from another address than the session's
                LOG.warning(() -> "FTP upload " + path + " from " + source + " refused: its data connection came from another address");
                reply(session, FtpReply.REPLY_425_CANT_OPEN_DATA_CONNECTION,
                        "Cannot open data connection: it must come from the address of this control connection");
                return null;
            }
            long bytes;
            try (InputStream in = input.get()) {
                bytes = ClientData.copy(in, channel, sha256, maxUploadBytes, n -> {
                    session.increaseReadDataBytes(n);
                    session.updateLastAccessTime(); // a long upload is not an idle session
                });
            }
            StagedFileSync synced = staging.syncInBackground(channel);
            channel = null; // closed by its fsync
            return new Received(bytes, sha256.digest(), synced);
        } catch (ClientData.TooLargeException e) {
            reply(session, FtpReply.REPLY_552_REQUESTED_FILE_ACTION_ABORTED_EXCEEDED_STORAGE,
                    "Upload exceeds the limit of " + maxUploadBytes + " bytes; nothing kept");
        } catch (SocketException e) {
            reply(session, FtpReply.REPLY_426_CONNECTION_CLOSED_TRANSFER_ABORTED, "Connection closed; transfer aborted, nothing kept");
        } catch (IOException e) {
            boolean full = String.valueOf(e.getMessage()).contains("No space left");
            LOG.log(Level.WARNING, "FTP upload " + path + " from " + source + " could not be staged", e);
            reply(session, full ? FtpReply.REPLY_452_REQUESTED_ACTION_NOT_TAKEN : FtpReply.REPLY_451_REQUESTED_ACTION_ABORTED,
                    full ? "No space left to receive the upload; nothing kept" : "Transfer failed; nothing kept, please retry");
        } finally {
            closeQuietly(channel);
            // free the data connection (and its passive port) before the slower store
            session.getDataConnection().closeDataConnection();
        }
        return null;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a failed upload's staging file", e);
            }
        }
    }

    private static void reply(FtpIoSession session, int code, String text) {
        session.write(new DefaultFtpReply(code, text));
    }

    private static String clientAddress(FtpIoSession session) {
        return session.getRemoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() : String.valueOf(session.getRemoteAddress());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
