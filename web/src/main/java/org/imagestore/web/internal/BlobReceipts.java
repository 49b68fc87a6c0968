package org.imagestore.web.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.imagestore.cluster.Cluster;
import org.imagestore.image.ImageId;
import org.imagestore.replication.InternalAuth;
import org.imagestore.replication.ReplicaReceiver;
import org.imagestore.volume.Volume;
import org.imagestore.volume.VolumeFullException;
import org.imagestore.web.ErrorResponse;

/**
 * Takes the copy that a node storing an upload sends here ({@code PUT /internal/blobs/{id}}), answered at the
 * servlet layer: on a cluster every upload sends R - 1 of them, and JAX-RS's request pipeline was 12 % of a
 * cluster upload's samples (bench/run, 3 nodes). It answers only once the copy is durable: 201 with the volume's
 * id; 507 without room; 400 when the body falls short of its length; 401 without a valid signature from a node
 * of this cluster (as {@link NodeToNodeAuthentication} does for the rest of {@code /internal}, which goes on to
 * {@link NodeToNodeResource}).
 */
@WebFilter(urlPatterns = "/internal/blobs/*")
public class BlobReceipts extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BlobReceipts.class.getName());
    private static final int INSUFFICIENT_STORAGE = 507;

    @Inject
    private transient ReplicaReceiver receiver;
    @Inject
    private transient Cluster cluster;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> id = blobOfAPut(request);
        if (id.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String signed = InternalAuth.requestLine(URI.create(target));
        if (InternalAuth.verify(cluster.settings().secret(), request.getHeader(InternalAuth.HEADER), "PUT", signed,
                Instant.now().getEpochSecond()).isEmpty()) {
            LOG.warning(() -> "node-to-node request refused (no valid signature): PUT " + signed);
            ErrorResponse.send(response, HttpServletResponse.SC_UNAUTHORIZED, null, "node-to-node requests must be signed");
            return;
        }
        Optional<ImageId> image = ImageId.parse(id.get());
        if (image.isEmpty()) {
            ErrorResponse.send(response, HttpServletResponse.SC_NOT_FOUND, null, "no image " + id.get());
            return;
        }
        receive(image.get(), request, response);
    }

    private void receive(ImageId image, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Volume volume;
        try {
            volume = receiver.receive(image, request.getInputStream(), request.getContentLengthLong());
        } catch (VolumeFullException e) {
            ErrorResponse.send(response, INSUFFICIENT_STORAGE, null, e.getMessage());
            return;
        } catch (IOException e) {
            LOG.warning(() -> "copy of image " + image + " not taken: " + e.getMessage());
            ErrorResponse.send(response, HttpServletResponse.SC_BAD_REQUEST, "body", e.getMessage());
            return;
        }
        byte[] body = volume.id().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType("text/plain");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The id of a {@code PUT /internal/blobs/{id}} (nothing after it): the only request this filter answers. */
    private static Optional<String> blobOfAPut(HttpServletRequest request) {
        if (!"PUT".equals(request.getMethod())) {
            return Optional.empty();
        }
        String prefix = request.getContextPath() + "/internal/blobs/";
        String uri = request.getRequestURI();
        if (!uri.startsWith(prefix) || uri.indexOf('/', prefix.length()) >= 0 || uri.length() == prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(uri.substring(prefix.length()));
    }
}
