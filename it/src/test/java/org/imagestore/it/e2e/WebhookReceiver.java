package org.imagestore.it.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint on the test machine's loopback: records every POST it gets, and answers the first
 * {@code failures} of them with 500 before answering 204.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A call as received: its headers (lower-case names, first values) and body. */
    record Call(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    private WebhookReceiver(int failures) {
        failuresLeft = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
                calls.add(new Call(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    /** A receiver that fails the first {@code failures} calls. */
    static WebhookReceiver failingFirst(int failures) {
        return new WebhookReceiver(failures);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Waits until at least {@code count} calls have come; returns all calls so far. */
    List<Call> awaitCalls(int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (calls.size() < count && System.nanoTime() < deadline) {
            Pause.millis(200);
        }
        return List.copyOf(calls);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
