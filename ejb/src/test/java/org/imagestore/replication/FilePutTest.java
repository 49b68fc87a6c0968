package org.imagestore.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FilePut} against a real HTTP server on loopback. */
class FilePutTest {

    private static final Duration CONNECT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private HttpServer server;
    private ScheduledExecutorService watchdog;
    private final FilePut puts = new FilePut();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.scheduleWithFixedDelay(puts::endOverdue, 100, 100, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        watchdog.shutdownNow();
    }

    @Test
    void theFileArrivesWholeWithItsHeadersAndTheAnswerIsRead() throws IOException {
        byte[] bytes = randomBytes(3 << 20);
        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        handle(exchange -> {
            auth.set(exchange.getRequestHeaders().getFirst("X-Test-Auth"));
            received.set(exchange.getRequestBody().readAllBytes());
            reply(exchange, 201, "v-1234\n");
        });

        for (int i = 0; i < 3; i++) { // the kept-alive connection serves the next PUT as well
            FilePut.Reply reply = puts.put(uri(), Map.of("X-Test-Auth", "signed"), file(bytes), bytes.length,
                    CONNECT, Duration.ofSeconds(10));

            assertEquals(new FilePut.Reply(201, "v-1234\n"), reply);
            assertArrayEquals(bytes, received.get());
            assertEquals("signed", auth.get());
        }
    }

    @Test
    void aRefusalIsHeardWithItsReason() throws IOException {
        byte[] bytes = randomBytes(8 << 20);
        handle(exchange -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            reply(exchange, 507, "no room on v-1");
        });

        FilePut.Reply reply = puts.put(uri(), Map.of(), file(bytes), bytes.length, CONNECT, Duration.ofSeconds(10));

        assertEquals(new FilePut.Reply(507, "no room on v-1"), reply);
    }

    @Test
    void aNodeThatStopsReadingIsGivenUpOnAtTheDeadline() throws IOException {
        byte[] bytes = randomBytes(32 << 20);
        handle(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS); // reads nothing, answers nothing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        long started = System.nanoTime();
        HttpTimeoutException late = assertThrows(HttpTimeoutException.class, () -> puts.put(uri(), Map.of(),
                file(bytes), bytes.length, CONNECT, Duration.ofSeconds(1)));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 10_000, () -> "given up after " + millis + " ms");
        assertTrue(late.getMessage().contains("within"), late::getMessage);
    }

    @Test
    void aNodeThatIsNotThereIsAnIoError() throws IOException {
        URI nobody = uri();
        server.stop(0);
        byte[] bytes = randomBytes(1000);

        assertThrows(IOException.class, () -> puts.put(nobody, Map.of(), file(bytes), bytes.length, CONNECT,
                Duration.ofSeconds(5)));
    }

    private void handle(HttpHandler handler) {
        server.createContext("/internal/blobs/x", handler);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/internal/blobs/x");
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "blob", ".bin"), bytes);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
