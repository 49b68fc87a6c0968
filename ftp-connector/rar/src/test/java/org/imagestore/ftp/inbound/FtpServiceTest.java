package org.imagestore.ftp.inbound;

import static org.imagestore.ftp.inbound.FakeContainer.Outcome.COMMITTED;
import static org.imagestore.ftp.inbound.FakeContainer.Outcome.ROLLED_BACK;
import static org.imagestore.ftp.inbound.InMemoryStore.PASSWORD;
import static org.imagestore.ftp.inbound.InMemoryStore.SOURCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.io.CopyStreamException;
import org.apache.commons.net.util.TrustManagerUtils;
import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpRefusedException.Kind;
import org.imagestore.ftp.api.UploadReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The FTP side end to end without an application server: a real {@link FtpService} on a loopback port, a real
 * FTP client, and behind the adapter a {@link FakeContainer} that runs each store call in a transaction (a change
 * with the adapter's {@link CommitObserver} registered in it), in front of an {@link InMemoryStore}. The server has a
 * key store, as the nodes have by default: clients may use plain FTP or explicit FTPS.
 */
@Timeout(60)
class FtpServiceTest {

    private static final long MAX_UPLOAD_BYTES = 100_000;
    private static final int MAX_SESSIONS_PER_ADDRESS = 4;
    private static final String KEY_STORE_PASSWORD = "key-store-password";

    @TempDir
    static Path keys;
    private static Path keyStore;

    @TempDir
    Path temp;

    private final InMemoryStore store = new InMemoryStore();
    private final FakeContainer container = new FakeContainer(store);
    /** The commands the client sent, for checking which data connection it used. */
    private final List<String> commandsSent = new CopyOnWriteArrayList<>();
    private Path staging;
    private FtpService service;
    private int port;
    private FTPClient client;

    /** A self-signed key made as the launcher makes it, with the JDK's keytool. */
    @BeforeAll
    static void makeKeyStore() throws IOException, InterruptedException {
        keyStore = keys.resolve("ftps.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "imagestore-ftps", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", KEY_STORE_PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
    }

    @BeforeEach
    void startServerAndConnect() throws IOException {
        startServerAndConnect(true);
    }

    private void startServerAndConnect(boolean ignoreAttributeChanges) throws IOException {
        startServerAndConnect(ignoreAttributeChanges, false);
    }

    private void startServerAndConnect(boolean ignoreAttributeChanges, boolean tlsRequired) throws IOException {
        staging = temp.resolve("staging");
        port = freePort();
        service = new FtpService(new FtpSettings(port, "127.0.0.1", "0", "", true, 30, 10, 16, MAX_UPLOAD_BYTES,
                staging, keyStore.toString(), KEY_STORE_PASSWORD, 0, ignoreAttributeChanges, MAX_SESSIONS_PER_ADDRESS,
                tlsRequired, tlsRequired), new StoreGateway(container, container.registry()));
        service.start();
        client = connect(new FTPClient());
    }

    private FTPClient connect(FTPClient client) throws IOException {
        client.setDefaultTimeout(20_000);
        client.setDataTimeout(Duration.ofSeconds(20));
        client.addProtocolCommandListener(new ProtocolCommandListener() {
            @Override
            public void protocolCommandSent(ProtocolCommandEvent event) {
                commandsSent.add(event.getCommand());
            }

            @Override
            public void protocolReplyReceived(ProtocolCommandEvent event) {
            }
        });
        client.connect("127.0.0.1", port);
        return client;
    }

    @AfterEach
    void disconnectAndStopServer() throws IOException {
        try {
            if (client.isConnected()) {
                // QUIT first: stopping while the server still handles a dropped connection waits 5 s for its threads
                client.logout();
                client.disconnect();
            }
        } finally {
            service.stop();
        }
        assertEquals(container.endpointsCreated(), container.endpointsReleased(), "every endpoint is released");
    }

    // --- logging in

    @Test
    void logsInWithTheSourcesPassword() throws IOException {
        assertTrue(client.login(SOURCE, PASSWORD));
        assertEquals(230, client.getReplyCode());
    }

    @Test
    void refusesAWrongPasswordWith530() throws IOException {
        assertFalse(client.login(SOURCE, "wrong-password"));
        assertEquals(530, client.getReplyCode());
    }

    @Test
    void aLoginTheStoreCannotCheckIs421ComeBackLaterNot530() throws IOException {
        store.failNext(new IllegalStateException("catalogue unreachable"));
        // Commons Net, like most clients, takes a 421 as the server closing the connection
        assertThrows(FTPConnectionClosedException.class, () -> client.login(SOURCE, PASSWORD));
        assertEquals(421, client.getReplyCode(), client.getReplyString());
        assertTrue(client.getReplyString().contains("try again later"), client.getReplyString());
        client.disconnect();

        // and the server does close it, as 421 says (seen from a raw socket)
        store.failNext(new IllegalStateException("catalogue unreachable"));
        try (Socket raw = new Socket("127.0.0.1", port)) {
            raw.setSoTimeout(10_000);
            var in = new BufferedReader(new InputStreamReader(raw.getInputStream(), StandardCharsets.US_ASCII));
            var out = raw.getOutputStream();
            assertTrue(in.readLine().startsWith("220"));
            out.write(("USER " + SOURCE + "\r\nPASS " + PASSWORD + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertTrue(in.readLine().startsWith("331"));
            assertTrue(in.readLine().startsWith("421 "));
            assertEquals(null, in.readLine(), "end of stream after the 421");
        }

        // the store answers again: the same client logs in
        client = connect(new FTPClient());
        assertTrue(client.login(SOURCE, PASSWORD), client.getReplyString());
    }

    @Test
    void refusesAnUnknownSourceWith530() throws IOException {
        assertFalse(client.login("cam2", PASSWORD));
        assertEquals(530, client.getReplyCode());
    }

    // --- what clients are told

    @Test
    void featAdvertisesExactlyWhatWorks() throws IOException {
        logIn();
        assertTrue(client.features(), client.getReplyString());
        String[] lines = client.getReplyStrings();
        List<String> advertised = Stream.of(lines).skip(1).limit(lines.length - 2L).map(String::trim).toList();
        assertEquals(List.of("SIZE", "MDTM", "MLST Size;Modify;Type;Perm;", "UTF8", "TVFS", "EPRT", "EPSV",
                "AUTH TLS", "PBSZ", "PROT"), advertised);

        // and each of them works
        assertTrue(upload("a.jpg", content(5000)));
        assertEquals(213, client.sendCommand("SIZE", "/a.jpg"), client.getReplyString());
        assertEquals("213 5000", client.getReplyString().trim());
        assertEquals(213, client.sendCommand("MDTM", "/a.jpg"), client.getReplyString());
        assertEquals(250, client.sendCommand("MLST", "/a.jpg"), client.getReplyString());
        assertTrue(client.getReplyString().contains("Size=5000;"), client.getReplyString());
        assertEquals(200, client.sendCommand("OPTS", "UTF8 ON"), client.getReplyString());
        assertEquals(229, client.sendCommand("EPSV"), client.getReplyString());
        client.enterLocalPassiveMode();
        assertTrue(client.changeWorkingDirectory("/"));
        // what FtpServer would have advertised besides, and the store does not do
        assertEquals(504, client.sendCommand("MODE", "Z"), client.getReplyString());
        assertEquals(200, client.sendCommand("MODE", "S"), client.getReplyString());
    }

    @Test
    void statusAndSystemNameTheProductNotTheEngine() throws IOException {
        logIn();
        assertEquals(215, client.sendCommand("SYST"));
        assertEquals("215 UNIX Type: L8", client.getReplyString().trim());
        assertEquals(211, client.sendCommand("STAT"));
        String status = client.getReplyString();
        assertTrue(status.contains("imagestore FTP") && status.contains("Logged in as " + SOURCE), status);
        assertFalse(status.toLowerCase(java.util.Locale.ROOT).contains("apache"), status);
    }

    @Test
    void attributeChangesMirrorToolsSendAreAcceptedAndIgnored() throws IOException {
        logIn();
        byte[] content = content(5000);
        assertTrue(upload("a.jpg", content));
        long stored = store.entry("/a.jpg").orElseThrow().size();

        assertEquals(200, client.sendCommand("SITE", "CHMOD 644 /a.jpg"), client.getReplyString());
        assertEquals(200, client.sendCommand("SITE", "UTIME /a.jpg 20240102030405 20240102030405 20240102030405 UTC"),
                client.getReplyString());
        assertEquals(213, client.sendCommand("MFMT", "20240102030405 /a.jpg"), client.getReplyString());
        assertEquals("213 Modify=20240102030405; /a.jpg", client.getReplyString().trim());
        assertEquals(501, client.sendCommand("MFMT", "yesterday /a.jpg"), client.getReplyString());
        // other SITE commands (FtpServer's WHO, STAT, DESCUSER) are not offered
        assertEquals(502, client.sendCommand("SITE", "WHO"), client.getReplyString());
        assertEquals(502, client.sendCommand("SITE", "DESCUSER " + SOURCE), client.getReplyString());
        assertEquals(stored, store.entry("/a.jpg").orElseThrow().size(), "nothing changed");
        assertEquals(1, store.received().size(), "nothing stored again");
    }

    @Test
    void attributeChangesAreRefusedWhenTheOperatorSaysSo() throws IOException {
        disconnectAndStopServer();
        startServerAndConnect(false);
        logIn();
        assertEquals(502, client.sendCommand("SITE", "CHMOD 644 /a.jpg"), client.getReplyString());
        assertEquals(502, client.sendCommand("MFMT", "20240102030405 /a.jpg"), client.getReplyString());
    }

    @Test
    void aPassiveDataPortTakenFromAnotherAddressGetsNothingAndTheUploadIsRefused() throws IOException {
        logIn();
        client.enterLocalPassiveMode();
        assertEquals(227, client.pasv(), client.getReplyString());
        String[] numbers = client.getReplyString().replaceAll("(?s).*\\((.*)\\).*", "$1").trim().split(",");
        int dataPort = Integer.parseInt(numbers[4].trim()) * 256 + Integer.parseInt(numbers[5].trim());
        // another host (127.0.0.2: any loopback address works here) reaches the passive port first
        try (Socket thief = new Socket()) {
            thief.bind(new java.net.InetSocketAddress("127.0.0.2", 0));
            thief.connect(new java.net.InetSocketAddress("127.0.0.1", dataPort), 5000);
            assertEquals(150, client.sendCommand("STOR", "/stolen.jpg"), client.getReplyString());
            thief.getOutputStream().write(content(5000));
            thief.shutdownOutput();
            int code = client.getReply();
            assertEquals(425, code, client.getReplyString());
        } catch (IOException closedByTheServer) {
            // the server may close the thief's connection before it has written
            int code = client.getReply();
            assertEquals(425, code, client.getReplyString());
        }
        assertEquals(Optional.empty(), store.entry("/stolen.jpg"), "nothing stored from another address");
        assertEquals(List.of(), store.received());
        // the camera itself goes on
        assertTrue(upload("a.jpg", content(5000)), client.getReplyString());
    }

    @Test
    void sessionsBeyondTheLimitFromOneAddressAre421WhileAnotherAddressConnects() throws IOException {
        List<FTPClient> more = new java.util.ArrayList<>();
        try {
            for (int i = 1; i < MAX_SESSIONS_PER_ADDRESS; i++) { // the test's own client holds the first
                more.add(connect(new FTPClient()));
                assertEquals(220, more.getLast().getReplyCode());
            }
            FTPClient oneTooMany = new FTPClient();
            oneTooMany.setDefaultTimeout(20_000);
            // Commons Net takes a 421 greeting as the server closing the connection, which it is
            assertThrows(FTPConnectionClosedException.class, () -> oneTooMany.connect("127.0.0.1", port));
            assertEquals(421, oneTooMany.getReplyCode(), oneTooMany.getReplyString());
            assertTrue(oneTooMany.getReplyString().contains("Too many sessions from your address"), oneTooMany.getReplyString());

            FTPClient elsewhere = new FTPClient();
            elsewhere.setDefaultTimeout(20_000);
            elsewhere.connect(java.net.InetAddress.getByName("127.0.0.1"), port, java.net.InetAddress.getByName("127.0.0.3"), 0);
            assertEquals(220, elsewhere.getReplyCode(), "another address");
            elsewhere.disconnect();
        } finally {
            for (FTPClient c : more) {
                c.logout();
                c.disconnect();
            }
        }
        // sessions that end make room again (once the server has seen them close)
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                FTPClient again = connect(new FTPClient());
                assertEquals(220, again.getReplyCode(), again.getReplyString());
                again.disconnect();
                break;
            } catch (FTPConnectionClosedException notYet) {
                assertTrue(System.nanoTime() < deadline, "no room after the sessions ended");
                Thread.onSpinWait();
            }
        }
    }

    // --- STOR

    @Test
    void acknowledgesAStoreWith226OnceItsTransactionCommitted() throws IOException {
        logIn();
        byte[] content = content(5000);

        assertTrue(upload("a.jpg", content));

        assertReply(226, "Transfer complete: stored as image " + InMemoryStore.imageId(sha256(content)));
        assertEquals(List.of(COMMITTED), container.outcomes());
        InMemoryStore.Received received = onlyStoreCall();
        UploadReceived upload = received.upload();
        assertEquals(SOURCE, upload.source());
        assertEquals("/a.jpg", upload.path());
        assertEquals(5000, upload.bytes());
        assertArrayEquals(sha256(content), upload.sha256());
        assertArrayEquals(content, received.content());
        assertEquals("127.0.0.1", upload.clientAddress());
        assertEquals(staging, upload.stagedFile().getParent(), "received into the staging area");
        assertEquals(5000, store.entry("/a.jpg").orElseThrow().size());
        assertNothingStaged();
    }

    @Test
    void aStoreWhoseTransactionRolledBackGets451AndNothingIsKept() throws IOException {
        logIn();
        container.failNextCommit();

        assertFalse(upload("a.jpg", content(5000)));

        assertReply(451, "the store could not commit the change; nothing was kept, please retry");
        assertEquals(List.of(ROLLED_BACK), container.outcomes());
        assertEquals(1, store.received().size(), "the store was asked");
        assertEquals(Optional.empty(), store.entry("/a.jpg"));
        assertNothingStaged();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TRANSIENT, 451",
        "NO_SPACE,  452",
        "PERMANENT, 550",
        "NOT_FOUND, 550",
        "BAD_NAME,  553",
    })
    void aRefusalOfTheStoreReachesTheClientWithItsReplyCode(Kind kind, int code) throws IOException {
        logIn();
        store.refuseNext(new FtpRefusedException(kind, "refused:\r\nnot an image by its content"));

        assertFalse(upload("a.jpg", content(5000)));

        assertReply(code, "refused: not an image by its content");
        assertEquals(List.of(ROLLED_BACK), container.outcomes());
        assertEquals(Optional.empty(), store.entry("/a.jpg"));
        assertNothingStaged();
    }

    @Test
    void aFailureInTheStoreGets451() throws IOException {
        logIn();
        store.failNext(new IllegalArgumentException("database down"));

        assertFalse(upload("a.jpg", content(5000)));

        assertReply(451, "the store is temporarily unable to process the request; please retry");
        assertEquals(List.of(ROLLED_BACK), container.outcomes());
        assertNothingStaged();
    }

    /**
     * An upload costs the store one transaction, its own: nothing is looked up before the data comes (a read that
     * would fail here would make the upload fail too).
     */
    @Test
    void anUploadAsksTheStoreNothingBeforeItsData() throws IOException {
        logIn();
        store.failNextRead(new IllegalStateException("catalogue down"));

        assertTrue(upload("a.jpg", content(5000)), client::getReplyString);

        assertEquals(1, store.received().size());
    }

    @Test
    void storesAnUploadOfExactlyTheLimit() throws IOException {
        logIn();
        assertTrue(upload("a.jpg", content((int) MAX_UPLOAD_BYTES)));
        assertEquals(226, client.getReplyCode());
        assertEquals(MAX_UPLOAD_BYTES, onlyStoreCall().upload().bytes());
        assertNothingStaged();
    }

    @Test
    void refusesAnUploadOneByteOverTheLimitWith552() throws IOException {
        logIn();

        assertFalse(upload("a.jpg", content((int) MAX_UPLOAD_BYTES + 1)));

        assertReply(552, "Upload exceeds the limit of " + MAX_UPLOAD_BYTES + " bytes; nothing kept");
        assertEquals(List.of(), store.received(), "the store is not asked");
        assertNothingStaged();
    }

    @Test
    void stopsReceivingAFarLargerUploadWith552AndTheSessionGoesOn() throws IOException {
        logIn();
        try {
            assertFalse(upload("a.jpg", content(50 * (int) MAX_UPLOAD_BYTES)));
        } catch (CopyStreamException serverStoppedReading) {
            // the client learns of it while still sending; the reply is still to come
            client.getReply();
        }

        assertReply(552, "Upload exceeds the limit of " + MAX_UPLOAD_BYTES + " bytes; nothing kept");
        assertEquals(List.of(), store.received());
        assertNothingStaged();
        assertTrue(client.sendNoOp());
    }

    @Test
    void storesTheExactBytesEvenWhenTheClientAskedForAscii() throws IOException {
        logIn();
        // the client itself sends the bytes unchanged; only the server is told TYPE A
        assertEquals(200, client.sendCommand("TYPE", "A"));
        byte[] content = "line\r\nline\nline\r".getBytes(StandardCharsets.US_ASCII);

        assertTrue(upload("a.jpg", content));

        assertArrayEquals(content, onlyStoreCall().content());
    }

    @Test
    void storesRelativeToTheWorkingFolder() throws IOException {
        logIn();
        assertTrue(client.makeDirectory("2026"));
        assertTrue(client.makeDirectory("/2026/11"));
        assertTrue(client.changeWorkingDirectory("2026/11"));
        assertEquals("/2026/11", client.printWorkingDirectory());

        assertTrue(upload("cam.jpg", content(100)));

        assertEquals("/2026/11/cam.jpg", onlyStoreCall().upload().path());
        assertArrayEquals(new String[] {"cam.jpg"}, client.listNames());
        assertTrue(client.changeWorkingDirectory("../../../.."));
        assertEquals("/", client.printWorkingDirectory(), ".. above the root stays at the root");
    }

    @Test
    void refusesToStoreOntoAFolderWith550() throws IOException {
        logIn();
        assertTrue(client.makeDirectory("2026"));

        assertFalse(upload("2026", content(100)));

        assertReply(550, "/2026 is a folder");
        assertTrue(client.changeWorkingDirectory("/2026"), "still a folder");
        assertArrayEquals(new String[0], client.listNames());
    }

    @Test
    void refusesAStoreWithoutADataConnectionWith503() throws IOException {
        logIn();
        assertEquals(503, client.sendCommand("STOR", "a.jpg"));
        assertEquals(List.of(), store.received());
    }

    @ParameterizedTest
    @EnumSource(DataConnection.class)
    void storesOverEveryKindOfDataConnection(DataConnection kind) throws IOException {
        logIn();
        kind.use(client);
        byte[] content = content(20_000);

        assertTrue(upload("a.jpg", content));

        assertEquals(226, client.getReplyCode());
        assertTrue(commandsSent.contains(kind.name()), "sent " + kind + ": " + commandsSent);
        assertArrayEquals(content, onlyStoreCall().content());
    }

    @Test
    void storesOverExplicitFtps() throws IOException {
        client.disconnect();
        FTPSClient tls = new FTPSClient(false); // explicit: AUTH TLS on connecting
        tls.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
        client = connect(tls);
        assertEquals(List.of("AUTH"), commandsSent);
        tls.execPBSZ(0);
        tls.execPROT("P"); // the data connection is encrypted too
        byte[] content = content(20_000);

        logIn();
        assertTrue(upload("a.jpg", content));

        assertEquals(226, tls.getReplyCode());
        assertArrayEquals(content, onlyStoreCall().content());
        assertNothingStaged();
    }

    @Test
    void whenTlsIsRequiredNoPasswordAndNoImageCrossTheNetworkInClear() throws IOException {
        disconnectAndStopServer();
        startServerAndConnect(true, true);
        assertEquals(530, client.sendCommand("USER", SOURCE), client.getReplyString());
        assertEquals(530, client.sendCommand("PASS", PASSWORD), "the password is not even looked at");
        assertTrue(client.getReplyString().contains("AUTH TLS"), client.getReplyString());
        client.disconnect();

        FTPSClient tls = new FTPSClient(false);
        tls.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
        client = connect(tls);
        logIn();
        tls.execPBSZ(0);
        tls.execPROT("C");
        assertFalse(upload("clear.jpg", content(5000)), "an upload over a clear data connection");
        assertEquals(521, tls.getReplyCode(), tls.getReplyString());
        assertEquals(List.of(), store.received());
        tls.execPROT("P");
        assertTrue(upload("a.jpg", content(5000)), tls.getReplyString());
        assertEquals(226, tls.getReplyCode());
    }

    /** The ways of opening a data connection, named by the command that sets it up. */
    enum DataConnection {
        PASV {
            @Override
            void use(FTPClient client) {
                client.enterLocalPassiveMode();
            }
        },
        EPSV {
            @Override
            void use(FTPClient client) {
                client.enterLocalPassiveMode();
                client.setUseEPSVwithIPv4(true);
            }
        },
        PORT {
            @Override
            void use(FTPClient client) {
                client.enterLocalActiveMode();
            }
        };

        abstract void use(FTPClient client);
    }

    // --- APPE and REST

    @Test
    void refusesAppendingWith502() throws IOException {
        logIn();
        assertFalse(client.appendFile("a.jpg", new ByteArrayInputStream(content(100))));
        assertReply(502, "Appending is not supported; send the whole file with STOR");
        assertEquals(List.of(), store.received());
    }

    @Test
    void refusesResumingWith504AndTheSessionGoesOn() throws IOException {
        logIn();
        client.setRestartOffset(10);

        assertFalse(upload("a.jpg", content(100)));

        assertReply(504, "Resuming uploads (REST) is not supported; send the whole file");
        assertEquals(List.of(), store.received());
        assertNothingStaged();
        client.setRestartOffset(0);
        assertTrue(upload("a.jpg", content(100)), "a whole upload afterwards is stored");
    }

    // --- RNFR / RNTO

    @Test
    void renameReachesTheStoreAndIsAcknowledgedOnceCommitted() throws IOException {
        logIn();
        assertTrue(upload("x.tmp", content(100)));
        assertReply(226, "Transfer complete: stored as image " + InMemoryStore.imageId(sha256(content(100)))
                + " (announced when renamed to its final name)");

        assertTrue(client.rename("x.tmp", "x.jpg"));

        assertReply(250, "Renamed to /x.jpg");
        assertEquals(List.of("/x.tmp -> /x.jpg"), store.renames());
        assertEquals(List.of(COMMITTED, COMMITTED), container.outcomes());
        assertEquals(Optional.empty(), store.entry("/x.tmp"));
        assertEquals(100, store.entry("/x.jpg").orElseThrow().size());
    }

    @Test
    void renameOfAMissingFileGets550() throws IOException {
        logIn();
        assertFalse(client.rename("nothing.tmp", "x.jpg"));
        assertReply(550, "no such file or folder: /nothing.tmp");
    }

    @Test
    void renameWhoseTransactionRolledBackGets451AndChangesNothing() throws IOException {
        logIn();
        assertTrue(upload("x.tmp", content(100)));
        container.failNextCommit();

        assertFalse(client.rename("x.tmp", "x.jpg"));

        assertReply(451, "the store could not commit the change; nothing was kept, please retry");
        assertEquals(List.of("/x.tmp -> /x.jpg"), store.renames(), "the store was asked");
        assertTrue(store.entry("/x.tmp").isPresent());
        assertEquals(Optional.empty(), store.entry("/x.jpg"));
    }

    // --- helpers

    private void logIn() throws IOException {
        assertTrue(client.login(SOURCE, PASSWORD), client.getReplyString());
        assertTrue(client.setFileType(FTP.BINARY_FILE_TYPE));
        client.enterLocalPassiveMode();
    }

    private boolean upload(String name, byte[] content) throws IOException {
        return client.storeFile(name, new ByteArrayInputStream(content));
    }

    private void assertReply(int code, String text) {
        assertEquals(code + " " + text, client.getReplyString().strip());
    }

    private InMemoryStore.Received onlyStoreCall() {
        List<InMemoryStore.Received> received = store.received();
        assertEquals(1, received.size(), "store calls");
        return received.getFirst();
    }

    /**
     * The staged file goes in the STOR's last step, after its reply is on its way. A session's commands run one
     * after the other, so once a NOOP is answered the STOR has finished.
     */
    private void assertNothingStaged() throws IOException {
        assertTrue(client.sendNoOp());
        try (Stream<Path> files = Files.list(staging)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** Arbitrary bytes, the same for the same size; they include CR and LF bytes. */
    private static byte[] content(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
