package org.imagestore.replication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP PUTs of files, each written by the calling thread straight from the file to a kept-alive connection
 * ({@link HttpURLConnection}, fixed length). Every upload on a cluster sends R - 1 of them, and the JDK's
 * asynchronous {@code HttpClient} cost the sending node about as much CPU again in hand-offs between its threads
 * (bench/run, 3 nodes). A blocking write has no timeout of its own: {@link #endOverdue}, run every second or so,
 * closes the connections of PUTs past their deadline, so a node that stops reading cannot hold an upload for ever.
 * (A timer per PUT cost a third of the PUT's CPU, in the container's scheduled executor.) A node that refuses a
 * copy before reading it (no room, no valid signature) is still heard: Payara's HTTP listener reads the rest of
 * the body before it sends the answer.
 */
final class FilePut {

    /** Replies longer than this are cut: they are only ever a volume id or an error message. */
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    /** The node's answer. */
    record Reply(int status, String body) {
    }

    /** PUTs under way, with their deadlines ({@link System#nanoTime}). */
    private final Map<HttpURLConnection, Long> deadlines = new ConcurrentHashMap<>();

    /**
     * Sends {@code bytes} bytes of {@code file} and reads the answer, all within {@code timeout} (give or take
     * the period of {@link #endOverdue}).
     *
     * @throws HttpTimeoutException when the exchange took longer
     * @throws IOException          when the node could not be reached or the connection broke before an answer
     */
    Reply put(URI uri, Map<String, String> headers, Path file, long bytes, Duration connectTimeout, Duration timeout)
            throws IOException {
        HttpURLConnection put = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setUseCaches(false);
        put.setFixedLengthStreamingMode(bytes);
        put.setConnectTimeout((int) connectTimeout.toMillis());
        put.setReadTimeout((int) timeout.toMillis());
        headers.forEach(put::setRequestProperty);
        long deadline = System.nanoTime() + timeout.toNanos();
        deadlines.put(put, deadline);
        try {
            try (OutputStream out = put.getOutputStream()) {
                Files.copy(file, out);
            }
            return answer(put);
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0) { // ended by endOverdue, or the read timed out
                throw new HttpTimeoutException("no answer from " + uri.getHost() + " within " + timeout);
            }
            throw e;
        } finally {
            deadlines.remove(put);
        }
    }

    /** Closes the connections of the PUTs past their deadline: each of them fails with a timeout. */
    void endOverdue() {
        long now = System.nanoTime();
        deadlines.forEach((put, deadline) -> {
            if (now - deadline >= 0) {
                put.disconnect();
            }
        });
    }

    private static Reply answer(HttpURLConnection put) throws IOException {
        int status = put.getResponseCode();
        InputStream body = status >= 400 ? put.getErrorStream() : put.getInputStream();
        if (body == null) {
            return new Reply(status, "");
        }
        try (body) {
            byte[] bytes = body.readNBytes(MAX_REPLY_BYTES);
            body.transferTo(OutputStream.nullOutputStream()); // read to the end: the connection is then reused
            return new Reply(status, new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
