package org.imagestore.web.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.imagestore.delivery.ImageDescription;
import org.imagestore.delivery.ImageDescriptions;
import org.imagestore.delivery.Original;
import org.imagestore.delivery.Originals;
import org.imagestore.delivery.RenderBusyException;
import org.imagestore.delivery.RenderSignatures;
import org.imagestore.delivery.Rendered;
import org.imagestore.delivery.Renditions;
import org.imagestore.delivery.UnknownImageException;
import org.imagestore.image.ImageId;
import org.imagestore.ops.Metrics;
import org.imagestore.purge.ImagePurge;
import org.imagestore.rendering.RenderSpec;
import org.imagestore.upload.UploadSearch;
import org.imagestore.web.ErrorResponse;

/**
 * Image URLs. {@code GET /images/{id}} serves the original, or with render parameters a rendition; both are
 * immutable and cacheable forever. {@code DELETE} (administrators) purges the image.
 */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("images")
public class ImageResource {

    /** Image URLs never change meaning: browsers and CDNs may keep them for a year without asking again. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Inject
    private Originals originals;
    @Inject
    private Renditions renditions;
    @Inject
    private RenderSignatures signatures;
    @Inject
    private ImageDescriptions descriptions;
    @Inject
    private UploadSearch uploads;
    @Inject
    private ImagePurge purge;
    @Inject
    private Metrics metrics;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UploadSearch.Page search(@Context UriInfo uri) {
        return uploads.search(SearchParameters.parse(uri.getQueryParameters()));
    }

    @GET
    @Path("{id}")
    public Response image(@PathParam("id") String id, @Context UriInfo uri, @Context Request request,
                          @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        ImageId imageId = ImageId.parse(id).orElseThrow(() -> new UnknownImageException(id));
        Map<String, List<String>> query = uri.getQueryParameters();
        RenderSpec spec = RenderSpec.parse(query, renditions.limits());
        if (spec.isOriginal()) {
            return original(imageId, request, range, ifRange);
        }
        if (!signatures.valid(imageId, query)) {
            metrics.imageServed("rendition", 403, 0);
            return ErrorResponse.of(Status.FORBIDDEN, RenderSignatures.PARAMETER,
                    "render URLs must carry a valid signature");
        }
        return rendition(imageId, spec, request);
    }

    @GET
    @Path("{id}/meta")
    @Produces(MediaType.APPLICATION_JSON)
    public ImageDescription meta(@PathParam("id") String id) {
        return descriptions.describe(ImageId.parse(id).orElseThrow(() -> new UnknownImageException(id)));
    }

    /** Purges every copy and cached rendition (administrators only; see web.xml). */
    @DELETE
    @Path("{id}")
    public Response purge(@PathParam("id") String id) {
        ImageId imageId = ImageId.parse(id).orElseThrow(() -> new UnknownImageException(id));
        purge.purge(imageId);
        return Response.noContent().build();
    }

    private Response original(ImageId id, Request request, String rangeHeader, String ifRange) {
        Original original = originals.find(id);
        EntityTag etag = new EntityTag(id.value());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            metrics.imageServed("original", 304, 0);
            return notModified.tag(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
        }
        // If-Range: the range applies only while the client's copy is still this one (always, for our ids)
        boolean rangeApplies = ifRange == null || ifRange.equals(original.etag());
        ByteRange range = rangeApplies ? ByteRange.parse(rangeHeader, original.bytes()).orElse(null) : null;
        Response.ResponseBuilder response;
        if (range == null) {
            metrics.imageServed("original", 200, original.bytes());
            response = Response.ok(original.file().toFile(), original.format().mediaType())
                    .header(HttpHeaders.CONTENT_LENGTH, original.bytes());
        } else if (!range.satisfiable()) {
            metrics.imageServed("original", 416, 0);
            return Response.status(Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + original.bytes()).build();
        } else {
            metrics.imageServed("original", 206, range.length());
            response = Response.status(Status.PARTIAL_CONTENT)
                    .entity(slice(original, range)).type(original.format().mediaType())
                    .header("Content-Range", range.contentRange(original.bytes()))
                    .header(HttpHeaders.CONTENT_LENGTH, range.length());
        }
        return response.tag(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).header("Accept-Ranges", "bytes").build();
    }

    private Response rendition(ImageId id, RenderSpec spec, Request request) {
        Rendered rendered;
        try {
            rendered = renditions.render(id, spec);
        } catch (RenderBusyException busy) {
            metrics.imageServed("rendition", 503, 0);
            return Response.fromResponse(ErrorResponse.of(Status.SERVICE_UNAVAILABLE, busy.getMessage()))
                    .header(HttpHeaders.RETRY_AFTER, 1).build();
        }
        EntityTag etag = new EntityTag(rendered.etag().substring(1, rendered.etag().length() - 1));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            metrics.imageServed("rendition", 304, 0);
            return notModified.tag(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
        }
        metrics.imageServed("rendition", 200, rendered.bytes().length);
        return Response.ok(rendered.bytes(), rendered.format().mediaType()).tag(etag)
                .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
    }

    private static StreamingOutput slice(Original original, ByteRange range) {
        return out -> {
            try (FileChannel channel = FileChannel.open(original.file(), StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(channel.position(range.first()))) {
                copy(in, out, range.length());
            }
        };
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
