package org.imagestore.replication;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.NodeRecord;
import org.imagestore.delivery.RenderBusyException;
import org.imagestore.image.ImageId;

/**
 * Calls other nodes' internal endpoint ({@code /internal/...} on their HTTP port), each request signed with the
 * cluster's secret ({@link InternalAuth}).
 */
@ApplicationScoped
public class NodeClient {

    private static final Logger LOG = Logger.getLogger(NodeClient.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A copy may take this long plus a second per 16 MB before the holder counts as not answering. */
    private static final Duration COPY_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Nudges (settle, remove) in flight to one node, at most: each costs the node an HTTP thread and a folder
     * fsync, and a levelling round drops hundreds of copies at once. Nudges beyond it are not sent; the node's
     * sweeper carries out what they would have asked for.
     */
    private static final int NUDGES_IN_FLIGHT = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Semaphore> nudges = new ConcurrentHashMap<>();

    @Inject
    private Cluster cluster;
    /** Ends copies that take too long ({@link FilePut#endOverdue}). */
    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final FilePut puts = new FilePut();
    private ScheduledFuture<?> overdue;

    @PostConstruct
    void watchCopies() {
        overdue = scheduler.scheduleWithFixedDelay(puts::endOverdue, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopWatching() {
        overdue.cancel(false);
    }

    /** A readable stream of a blob on another node, from a byte offset on. */
    public record RemoteBlob(InputStream body, long length) {
    }

    /** A rendition made by another node. */
    public record RemoteRendition(byte[] bytes, String mediaType) {
    }

    /**
     * Has {@code node} store a durable, digest-checked copy of {@code file} as the blob of {@code id}.
     *
     * @return the volume of the node that holds the copy
     */
    public String putBlob(String node, ImageId id, Path file, long bytes) throws CopyFailedException {
        Duration timeout = COPY_TIMEOUT.plusSeconds(bytes / (16L << 20));
        URI uri = uri(node, "/internal/blobs/" + id.value());
        FilePut.Reply reply;
        try {
            reply = puts.put(uri, Map.of(InternalAuth.HEADER, signature("PUT", uri),
                    "Content-Type", "application/octet-stream"), file, bytes, CONNECT_TIMEOUT, timeout);
        } catch (NoSuchFileException e) {
            throw new CopyFailedException("the file to copy is gone: " + file, e);
        } catch (IOException e) {
            throw new CopyFailedException(node + " did not answer PUT " + uri.getPath() + ": " + e, e);
        }
        return switch (reply.status()) {
            case 200, 201 -> reply.body().trim();
            case 507 -> throw new CopyFailedException(node + " has no room for image " + id, true);
            default -> throw new CopyFailedException(node + " refused the copy of image " + id + ": HTTP "
                    + reply.status() + " " + reply.body(), false);
        };
    }

    /** Tells a node that the store its copy was for has ended, so it can keep or drop the copy now. */
    public void settleAsync(String node, ImageId id) {
        fireAndForget(node, "POST", "/internal/blobs/" + id.value() + "/settle", HttpRequest.BodyPublishers.noBody());
    }

    /**
     * Tells a node that the stores its copies were for committed, each copy placed on the volume named: the node
     * forgets its pending marks of those images on those volumes without a look at the catalogue. One request
     * for the batch; the body is a line per copy ({@link PlacedNotices.Notice#line}).
     */
    public void placedAsync(String node, List<PlacedNotices.Notice> placed) {
        String body = placed.stream().map(PlacedNotices.Notice::line).collect(Collectors.joining("\n", "", "\n"));
        fireAndForget(node, "POST", "/internal/blobs/placed", HttpRequest.BodyPublishers.ofString(body));
    }

    /** Tells a node to carry out the removals of this image's copies waiting for it. */
    public void removeAsync(String node, ImageId id) {
        fireAndForget(node, "DELETE", "/internal/blobs/" + id.value(), HttpRequest.BodyPublishers.noBody());
    }

    /**
     * Opens a blob on another node from {@code offset} on (a byte range when the offset is not 0). A blocking
     * stream ({@link HttpURLConnection}) read by the calling thread: the asynchronous client handed every 16 KB
     * between threads.
     */
    public RemoteBlob openBlob(String node, ImageId id, long offset) throws CopyFailedException {
        URI uri = uri(node, "/internal/blobs/" + id.value());
        try {
            HttpURLConnection get = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            get.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            get.setReadTimeout((int) COPY_TIMEOUT.toMillis());
            get.setUseCaches(false);
            get.setRequestProperty(InternalAuth.HEADER, signature("GET", uri));
            if (offset > 0) {
                get.setRequestProperty("Range", "bytes=" + offset + "-");
            }
            int status = get.getResponseCode();
            if (status != 200 && status != 206) {
                get.disconnect();
                throw new CopyFailedException(node + " cannot serve image " + id + ": HTTP " + status, false);
            }
            return new RemoteBlob(get.getInputStream(), get.getContentLengthLong());
        } catch (IOException e) {
            throw new CopyFailedException(node + " did not answer GET " + uri.getPath() + ": " + e, e);
        }
    }

    /**
     * Has another node (one that holds the image) render it.
     *
     * @throws RenderRefusedElsewhereException when that node refuses the render itself (bad parameters, a source
     *                                         beyond the limits): every holder would, so no other is asked
     * @throws HolderBusyException             when that node has no free render slot (its 503)
     */
    public RemoteRendition render(String node, ImageId id, String renderQuery) throws CopyFailedException {
        HttpRequest request = signed(node, "GET", "/internal/renditions/" + id.value() + "?" + renderQuery,
                HttpRequest.BodyPublishers.noBody()).timeout(COPY_TIMEOUT.multipliedBy(2)).build();
        HttpResponse<byte[]> response = send(node, request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 400 || response.statusCode() == 404 || response.statusCode() == 422) {
            throw new RenderRefusedElsewhereException(response.statusCode(),
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        if (response.statusCode() == 503 && response.headers().firstValue(RenderBusyException.HEADER).isPresent()) {
            throw new HolderBusyException(node + " has no free render slot for image " + id);
        }
        if (response.statusCode() != 200) {
            throw new CopyFailedException(node + " did not render image " + id + ": HTTP " + response.statusCode()
                    + " " + new String(response.body(), StandardCharsets.UTF_8), false);
        }
        return new RemoteRendition(response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    /** Has {@code node} fetch a copy of the image from {@code source} and record it. */
    public void pull(String node, ImageId id, String source) throws CopyFailedException {
        HttpRequest request = signed(node, "POST", "/internal/blobs/" + id.value() + "/pull?from=" + source,
                HttpRequest.BodyPublishers.noBody()).timeout(COPY_TIMEOUT.multipliedBy(4)).build();
        HttpResponse<String> response = send(node, request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new CopyFailedException(node + " could not copy image " + id + " from " + source + ": HTTP "
                    + response.statusCode() + " " + response.body(), response.statusCode() == 507);
        }
    }

    private void fireAndForget(String node, String method, String path, HttpRequest.BodyPublisher body) {
        Semaphore inFlight = nudges.computeIfAbsent(node, n -> new Semaphore(NUDGES_IN_FLIGHT));
        if (!inFlight.tryAcquire()) {
            LOG.fine(() -> method + " " + path + " not sent: " + NUDGES_IN_FLIGHT + " nudges to " + node + " in flight");
            return;
        }
        HttpRequest request;
        try {
            request = signed(node, method, path, body).timeout(COPY_TIMEOUT).build();
        } catch (CopyFailedException e) {
            inFlight.release();
            LOG.fine(() -> method + " " + path + " not sent: " + e.getMessage());
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            inFlight.release();
            if (failure != null || response.statusCode() >= 300) {
                // the node's own sweeper catches up; nothing depends on this call
                LOG.fine(() -> method + " " + path + " on " + node + " failed: "
                        + (failure != null ? failure.toString() : "HTTP " + response.statusCode()));
            }
        });
    }

    private HttpRequest.Builder signed(String node, String method, String pathAndQuery,
                                       HttpRequest.BodyPublisher body) throws CopyFailedException {
        URI uri = uri(node, pathAndQuery);
        return HttpRequest.newBuilder(uri).method(method, body).header(InternalAuth.HEADER, signature(method, uri));
    }

    private URI uri(String node, String pathAndQuery) throws CopyFailedException {
        NodeRecord target = cluster.nodeRecord(node)
                .orElseThrow(() -> new CopyFailedException("no node named " + node, false));
        return URI.create(target.internalUrl() + pathAndQuery);
    }

    private String signature(String method, URI uri) {
        return InternalAuth.sign(cluster.settings().secret(), cluster.self(), method, InternalAuth.requestLine(uri),
                Instant.now().getEpochSecond());
    }

    private <T> HttpResponse<T> send(String node, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws CopyFailedException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new CopyFailedException(node + " did not answer " + request.method() + " " + request.uri().getPath()
                    + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopyFailedException("interrupted while calling " + node, e);
        }
    }
}
