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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP PUT of a file, written by the calling thread straight from the file to a kept-alive connection
 * ({@link HttpURLConnection}, fixed length). Every upload on a cluster sends R - 1 of them, and the JDK's
 * asynchronous {@code HttpClient} cost the sending node about as much CPU again in hand-offs between its threads
 * (bench/run, 3 nodes). A blocking write has no timeout of its own: a watchdog closes the connection when the
 * whole exchange has not ended in time, so a node that stops reading cannot hold the upload for ever. A node
 * that refuses a copy before reading it (no room, no valid signature) is still heard: Payara's HTTP listener
 * reads the rest of the body before it sends the answer.
 */
final class FilePut {

    /** Replies longer than this are cut: they are only ever a volume id or an error message. */
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    /** The node's answer. */
    record Reply(int status, String body) {
    }

    private FilePut() {
    }

    /**
     * Sends {@code bytes} bytes of {@code file} and reads the answer, all within {@code timeout}.
     *
     * @throws HttpTimeoutException when the exchange took longer
     * @throws IOException          when the node could not be reached or the connection broke before an answer
     */
    static Reply put(URI uri, Map<String, String> headers, Path file, long bytes, Duration connectTimeout,
                     Duration timeout, ScheduledExecutorService watchdog) throws IOException {
        HttpURLConnection put = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setUseCaches(false);
        put.setFixedLengthStreamingMode(bytes);
        put.setConnectTimeout((int) connectTimeout.toMillis());
        put.setReadTimeout((int) timeout.toMillis());
        headers.forEach(put::setRequestProperty);
        ScheduledFuture<?> deadline = watchdog.schedule(put::disconnect, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            try (OutputStream out = put.getOutputStream()) {
                Files.copy(file, out);
            }
            return answer(put);
        } catch (IOException e) {
            if (deadline.isDone() && !deadline.isCancelled()) {
                throw new HttpTimeoutException("no answer from " + uri.getHost() + " within " + timeout);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
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
