package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;

import org.apache.ftpserver.impl.IODataConnection;
import org.apache.ftpserver.impl.IODataConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientDataTest {

    @TempDir
    Path dir;

    private final byte[] photo = randomBytes(3 * ClientData.CHUNK + 12_345);

    @Test
    void copiesEveryByteIntoTheFileAndTheDigest() throws Exception {
        List<Integer> reads = new ArrayList<>();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long copied = copy(new TrickleStream(photo, 7_000), digest, Long.MAX_VALUE, reads);

        assertEquals(photo.length, copied);
        assertArrayEquals(photo, Files.readAllBytes(dir.resolve("staged")));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(photo), digest.digest());
        assertEquals(photo.length, reads.stream().mapToInt(Integer::intValue).sum(), "every read is reported");
    }

    @Test
    void acceptsExactlyTheLimit() throws Exception {
        assertEquals(photo.length, copy(new ByteArrayInputStream(photo), sha256(), photo.length, new ArrayList<>()));
    }

    @Test
    void refusesOneByteOverTheLimitAndWritesNothingOfTheChunkThatCrossesIt() throws Exception {
        long limit = photo.length - 1;
        ClientData.TooLargeException e = assertThrows(ClientData.TooLargeException.class,
                () -> copy(new ByteArrayInputStream(photo), sha256(), limit, new ArrayList<>()));
        assertEquals("more than " + limit + " bytes", e.getMessage());
        assertEquals(3L * ClientData.CHUNK, Files.size(dir.resolve("staged")), "only the whole chunks below the limit");
    }

    @Test
    void readsTheSocketUnderFtpServersDataConnection() throws Exception {
        assertArrayEquals(photo, receive(photo, false));
    }

    @Test
    void inflatesInModeZ() throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(photo);
        }
        assertArrayEquals(photo, receive(deflated.toByteArray(), true));
    }

    @Test
    void aConnectionFtpServerRefusedHasNoInput() throws Exception {
        assertTrue(ClientData.open(new IODataConnection(null, null, null), new IODataConnectionFactory(null, null)).isEmpty());
    }

    /** Sends {@code sent} over a real loopback connection and reads it through an IODataConnection. */
    private byte[] receive(byte[] sent, boolean zip) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            Thread sender = Thread.ofVirtual().start(() -> {
                try (OutputStream out = client.getOutputStream()) {
                    out.write(sent);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            IODataConnectionFactory factory = new IODataConnectionFactory(null, null);
            factory.setZipMode(zip);
            try (InputStream in = ClientData.open(new IODataConnection(accepted, null, factory), factory).orElseThrow()) {
                byte[] received = in.readAllBytes();
                sender.join();
                return received;
            }
        }
    }

    private long copy(InputStream in, MessageDigest digest, long limit, List<Integer> reads) throws IOException {
        try (FileChannel file = FileChannel.open(dir.resolve("staged"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            return ClientData.copy(in, file, digest, limit, reads::add);
        }
    }

    private static MessageDigest sha256() throws Exception {
        return MessageDigest.getInstance("SHA-256");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** Gives at most {@code most} bytes per read, as a socket does when the sender is slower than the reader. */
    private static final class TrickleStream extends ByteArrayInputStream {
        private final int most;

        TrickleStream(byte[] bytes, int most) {
            super(bytes);
            this.most = most;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, most));
        }
    }
}
