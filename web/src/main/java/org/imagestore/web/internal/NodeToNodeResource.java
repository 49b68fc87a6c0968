package org.imagestore.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.imagestore.delivery.RenditionKey;
import org.imagestore.delivery.Rendered;
import org.imagestore.delivery.Renditions;
import org.imagestore.delivery.UnknownImageException;
import org.imagestore.image.ImageId;
import org.imagestore.rendering.RenderSpec;
import org.imagestore.replication.BlobRemovals;
import org.imagestore.replication.CopyFailedException;
import org.imagestore.replication.PlacedNotices;
import org.imagestore.replication.ReplicaReceiver;
import org.imagestore.volume.LocalVolumes;
import org.imagestore.volume.UnplacedBlobs;
import org.imagestore.volume.Volume;
import org.imagestore.web.ErrorResponse;

/**
 * What one node asks of another: fetch a copy, serve one, settle or remove one, render. Taking a copy
 * ({@code PUT /internal/blobs/{id}}, once per upload) is {@link BlobReceipts}, at the servlet layer.
 */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("internal")
@NodeToNode
public class NodeToNodeResource {

    private static final int INSUFFICIENT_STORAGE = 507;

    @Inject
    private ReplicaReceiver receiver;
    @Inject
    private UnplacedBlobs unplaced;
    @Inject
    private BlobRemovals removals;
    @Inject
    private LocalVolumes volumes;
    @Inject
    private Renditions renditions;

    /** Serves this node's copy, whole or from a byte offset ({@code Range: bytes=N-}). */
    @GET
    @Path("blobs/{id}")
    public Response serve(@PathParam("id") String id, @HeaderParam("Range") String range) {
        ImageId image = imageId(id);
        var file = volumes.findAnywhere(image).orElseThrow(() -> new UnknownImageException(image));
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnknownImageException(image);
        }
        long from = range != null && range.matches("bytes=\\d+-") ? Long.parseLong(range.substring(6, range.length() - 1)) : 0;
        if (from >= size && size > 0) {
            return Response.status(Status.REQUESTED_RANGE_NOT_SATISFIABLE).build();
        }
        StreamingOutput bytes = out -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(channel.position(from))) {
                in.transferTo(out);
            }
        };
        return Response.status(from > 0 ? Status.PARTIAL_CONTENT : Status.OK).entity(bytes)
                .type(MediaType.APPLICATION_OCTET_STREAM).header(HttpHeaders.CONTENT_LENGTH, size - from).build();
    }

    /** The store a copy here was for has ended: keep the copy if the catalogue placed it here, else delete it. */
    @POST
    @Path("blobs/{id}/settle")
    public Response settle(@PathParam("id") String id) {
        unplaced.settleMarksOf(imageId(id), "its store has ended");
        return Response.noContent().build();
    }

    /**
     * The stores of copies here committed, each placing its copy on the volume named (a line
     * {@code <image id> <volume id>} per copy): only the marks go, without a transaction, a lock or a query. A
     * volume this node does not know has its images settled by the catalogue instead.
     */
    @POST
    @Path("blobs/placed")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response placed(String body) throws IOException {
        Map<String, Set<ImageId>> byVolume = new HashMap<>();
        for (String line : body.lines().filter(l -> !l.isBlank()).toList()) {
            Optional<PlacedNotices.Notice> notice = PlacedNotices.Notice.parse(line);
            if (notice.isEmpty()) {
                return ErrorResponse.of(Status.BAD_REQUEST, "body", "not '<image id> <volume id>': " + line);
            }
            byVolume.computeIfAbsent(notice.get().volume(), v -> new HashSet<>()).add(notice.get().id());
        }
        for (Map.Entry<String, Set<ImageId>> placed : byVolume.entrySet()) {
            Optional<Volume> volume = volumes.byId(placed.getKey());
            if (volume.isPresent()) {
                volume.get().forgetPending(placed.getValue());
            } else {
                placed.getValue().forEach(image -> unplaced.settleMarksOf(image,
                        "its store has ended, placed on an unknown volume " + placed.getKey()));
            }
        }
        return Response.noContent().build();
    }

    /** Carries out the removals of this image's copy that the catalogue asks of this node. */
    @DELETE
    @Path("blobs/{id}")
    public Response remove(@PathParam("id") String id) {
        removals.carryOut(imageId(id));
        return Response.noContent().build();
    }

    /** Fetches a copy from another node and records it here (the repair asks this of a holder that lacks one). */
    @POST
    @Path("blobs/{id}/pull")
    public Response pull(@PathParam("id") String id, @QueryParam("from") String source) {
        try {
            boolean placed = receiver.pull(imageId(id), source);
            return placed ? Response.status(Status.CREATED).build()
                    : ErrorResponse.of(Status.GONE, "image " + id + " was purged meanwhile");
        } catch (CopyFailedException e) {
            return ErrorResponse.of(e.noRoom() ? INSUFFICIENT_STORAGE : Status.BAD_GATEWAY.getStatusCode(), null,
                    e.getMessage());
        }
    }

    /** Renders from this node's copy (asked by a node that has none). */
    @GET
    @Path("renditions/{id}")
    public Response render(@PathParam("id") String id, @Context UriInfo uri) {
        ImageId image = imageId(id);
        RenderSpec spec = RenderSpec.parse(uri.getQueryParameters(), renditions.limits());
        Rendered rendered = renditions.renderHere(new RenditionKey(image, spec));
        return Response.ok(rendered.bytes(), rendered.format().mediaType()).build();
    }

    private static ImageId imageId(String id) {
        return ImageId.parse(id).orElseThrow(() -> new UnknownImageException(id));
    }
}
