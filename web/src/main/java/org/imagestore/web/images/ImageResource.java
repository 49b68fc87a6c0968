package org.imagestore.web.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.imagestore.delivery.ImageDescription;
import org.imagestore.delivery.ImageDescriptions;
import org.imagestore.delivery.Original;
import org.imagestore.delivery.Originals;
import org.imagestore.delivery.RemoteOriginals;
import org.imagestore.delivery.RenderBusyException;
import org.imagestore.delivery.RenderSignatures;
import org.imagestore.delivery.Rendered;
import org.imagestore.delivery.RenditionKey;
import org.imagestore.delivery.Renditions;
import org.imagestore.delivery.UnknownImageException;
import org.imagestore.image.ImageId;
import org.imagestore.ops.Metrics.Served;
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
    private RemoteOriginals remote;
    @Inject
    private MetadataAccess metadataAccess;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response search(@Context UriInfo uri, @Context SecurityContext caller) {
        return metadataAccess.refusal(caller).orElseGet(() ->
                Response.ok(uploads.search(SearchParameters.parse(uri.getQueryParameters()))).build());
    }

    @GET
    @Path("{id}")
    @CountedImageResponse
    public Response image(@PathParam("id") String id, @Context UriInfo uri, @Context Request request,
                          @Context HttpServletRequest servlet,
                          @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        ImageId imageId = ImageId.parse(id).orElseThrow(() -> new UnknownImageException(id));
        Map<String, List<String>> query = uri.getQueryParameters();
        RenderSpec spec = RenderSpec.parse(query, renditions.limits());
        if (spec.isOriginal()) {
            ImageResponseCounter.serving(servlet, Served.ORIGINAL);
            return original(imageId, request, range, ifRange);
        }
        ImageResponseCounter.serving(servlet, Served.RENDITION);
        if (!signatures.valid(imageId, query)) {
            return ErrorResponse.of(Status.FORBIDDEN, RenderSignatures.PARAMETER,
                    "render URLs must carry a valid signature");
        }
        return rendition(new RenditionKey(imageId, spec), request);
    }

    @GET
    @Path("{id}/meta")
    @Produces(MediaType.APPLICATION_JSON)
    public Response meta(@PathParam("id") String id, @Context SecurityContext caller) {
        return metadataAccess.refusal(caller).orElseGet(() -> Response.ok(
                descriptions.describe(ImageId.parse(id).orElseThrow(() -> new UnknownImageException(id)))).build());
    }

    /** Purges every copy and cached rendition (administrators only: AdminAuthentication). */
    @DELETE
    @Path("{id}")
    public Response purge(@PathParam("id") String id) {
        ImageId imageId = ImageId.parse(id).orElseThrow(() -> new UnknownImageException(id));
        purge.purge(imageId);
        return Response.noContent().build();
    }

    private Response original(ImageId id, Request request, String rangeHeader, String ifRange) {
        Original original = originals.find(id);
        EntityTag etag = new EntityTag(original.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
        }
        // If-Range: the range applies only while the client's copy is still this one (always, for our ids)
        boolean rangeApplies = ifRange == null || ifRange.equals(etag.toString());
        ByteRange range = rangeApplies ? ByteRange.parse(rangeHeader, original.bytes()).orElse(null) : null;
        Response.ResponseBuilder response;
        if (range == null) {
            Object body = original.local() ? original.file().orElseThrow().toFile() : bytes(original, 0, original.bytes());
            response = Response.ok(body, original.format().mediaType())
                    .header(HttpHeaders.CONTENT_LENGTH, original.bytes());
        } else if (!range.satisfiable()) {
            return Response.status(Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + original.bytes()).build();
        } else {
            response = Response.status(Status.PARTIAL_CONTENT)
                    .entity(bytes(original, range.first(), range.length())).type(original.format().mediaType())
                    .header("Content-Range", range.contentRange(original.bytes()))
                    .header(HttpHeaders.CONTENT_LENGTH, range.length());
        }
        return response.tag(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).header("Accept-Ranges", "bytes").build();
    }

    /** A conditional request is answered from the URL alone: the rendition's ETag is known before it is rendered. */
    private Response rendition(RenditionKey key, Request request) {
        // a cached rendition answers without the catalogue (it is purged with its image); otherwise an unknown
        // image is 404, even for a client that has an ETag of it
        Optional<Rendered> cached = renditions.cached(key);
        Optional<Original> original = cached.isPresent() ? Optional.empty() : Optional.of(originals.find(key.image()));
        EntityTag etag = new EntityTag(key.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
        }
        Rendered rendered;
        try {
            rendered = cached.isPresent() ? cached.get() : renditions.render(key, original.orElseThrow());
        } catch (RenderBusyException busy) {
            return Response.fromResponse(ErrorResponse.of(Status.SERVICE_UNAVAILABLE, busy.getMessage()))
                    .header(HttpHeaders.RETRY_AFTER, 1).build();
        }
        return Response.ok(rendered.bytes(), rendered.format().mediaType()).tag(etag)
                .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
    }

    /** Bytes {@code first} to {@code first + length - 1}: from the local copy, or streamed from a holder. */
    private StreamingOutput bytes(Original original, long first, long length) {
        if (!original.local()) {
            return out -> remote.copy(original, first, length, out);
        }
        return out -> {
            try (FileChannel channel = FileChannel.open(original.file().orElseThrow(), StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(channel.position(first))) {
                copy(in, out, length);
            }
        };
    }

    /** {@code length} bytes, 64 KB at a time: an original may be hundreds of MB (also used by {@link HotImageReads}). */
    static void copy(InputStream in, OutputStream out, long length) throws IOException {
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
