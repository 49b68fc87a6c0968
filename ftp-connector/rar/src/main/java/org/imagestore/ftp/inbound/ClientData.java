package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.zip.InflaterInputStream;

import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.impl.IODataConnection;
import org.apache.ftpserver.impl.ServerDataConnectionFactory;

/**
 * An upload's bytes as they come off the data connection, copied into the staging file and hashed on the way.
 * FtpServer's own transfer loop reads 4 KB at a time through two buffered streams, and the stream it writes to
 * buffers once more: for a 1 MB photo about 130 socket reads and five copies of every byte before the file. This
 * reads the socket under the data connection into one 128 KB array (the most the JDK's socket reads at once),
 * which the digest and the file take as it is. What the stock loop did besides is kept: the control session stays
 * alive during a long upload, the bytes received are counted, and MODE Z is inflated. The bytes are never
 * converted: images are binary whatever TYPE the client chose (vsftpd does the same).
 */
final class ClientData {

    static final int CHUNK = 128 * 1024;

    /** FtpServer keeps the data socket private and has no other way to it: this is the one place that reaches in. */
    private static final VarHandle SOCKET = socketHandle();

    /** The upload is larger than allowed. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private ClientData() {
    }

    /** The connection's input, or empty when FtpServer refused to open it (its passive IP check failed). */
    static Optional<InputStream> open(DataConnection data, ServerDataConnectionFactory factory) throws IOException {
        if (!(data instanceof IODataConnection connection)) {
            throw new IllegalStateException("not FtpServer's data connection: " + data.getClass().getName());
        }
        Socket socket = (Socket) SOCKET.get(connection);
        if (socket == null) {
            return Optional.empty();
        }
        InputStream in = socket.getInputStream();
        return Optional.of(factory.isZipMode() ? new InflaterInputStream(in) : in);
    }

    /**
     * Copies all of {@code in} into {@code file} and {@code digest}, refusing more than {@code limit} bytes (nothing
     * of the chunk that crosses it reaches the file); {@code received} hears of every read. Returns the bytes copied.
     */
    static long copy(InputStream in, FileChannel file, MessageDigest digest, long limit, IntConsumer received)
            throws IOException {
        byte[] chunk = new byte[CHUNK];
        ByteBuffer toWrite = ByteBuffer.wrap(chunk);
        long copied = 0;
        boolean more = true;
        while (more) {
            int filled = 0;
            while (filled < CHUNK) {
                int n = in.read(chunk, filled, CHUNK - filled);
                if (n < 0) {
                    more = false;
                    break;
                }
                filled += n;
                received.accept(n);
            }
            if (copied + filled > limit) {
                throw new TooLargeException(limit);
            }
            digest.update(chunk, 0, filled);
            toWrite.clear().limit(filled);
            while (toWrite.hasRemaining()) {
                file.write(toWrite);
            }
            copied += filled;
        }
        return copied;
    }

    private static VarHandle socketHandle() {
        try {
            return MethodHandles.privateLookupIn(IODataConnection.class, MethodHandles.lookup())
                    .findVarHandle(IODataConnection.class, "socket", Socket.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("FtpServer's IODataConnection has no socket field any more: " + e);
        }
    }
}
