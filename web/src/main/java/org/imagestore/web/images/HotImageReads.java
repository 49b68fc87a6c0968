package org.imagestore.web.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.imagestore.delivery.Original;
import org.imagestore.delivery.Originals;
import org.imagestore.delivery.RenderSignatures;
import org.imagestore.delivery.Rendered;
import org.imagestore.delivery.RenditionKey;
import org.imagestore.delivery.Renditions;
import org.imagestore.image.ImageId;
import org.imagestore.ops.Metrics;
import org.imagestore.ops.Metrics.Served;
import org.imagestore.rendering.RenderSpec;
import org.imagestore.support.InvalidParameterException;

/**
 * The two reads that make up nearly all image traffic, answered at the servlet layer: a whole original with a
 * copy on this node, and a rendition in the cache. Measured (bench/run), JAX-RS's request pipeline cost more than
 * the answer itself on these paths. Anything else (a range, a conditional request other than
 * {@code If-None-Match}, a rendition to render, a copy on another node, any error) goes on to
 * {@link ImageResource}, which remains the whole contract; this filter answers only what it would answer the same
 * way, with the same headers.
 */
@WebFilter(urlPatterns = "/images/*")
public class HotImageReads extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "/images/";
    /** Headers that ask for more than a plain or If-None-Match GET: ImageResource evaluates those. */
    private static final List<String> LEFT_TO_THE_RESOURCE = List.of("Range", "If-Range", "If-Match",
            "If-Unmodified-Since", "If-Modified-Since");

    /** One entity tag of a list, weak or strong (both compare weakly for a GET): group 1 is the quoted tag. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?(\"[^\"]*\")");

    @Inject
    private transient Originals originals;
    @Inject
    private transient Renditions renditions;
    @Inject
    private transient RenderSignatures signatures;
    @Inject
    private transient Metrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        Optional<ImageId> id = plainGetOfAnImage(request);
        if (id.isEmpty() || !answered(id.get(), request, response, started)) {
            chain.doFilter(request, response);
        }
    }

    /** The image of a {@code GET /images/{id}} without headers this filter leaves to the resource. */
    private static Optional<ImageId> plainGetOfAnImage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return Optional.empty();
        }
        String uri = request.getRequestURI();
        int start = request.getContextPath().length() + PREFIX.length();
        if (!uri.startsWith(PREFIX, start - PREFIX.length()) || uri.indexOf('/', start) >= 0) {
            return Optional.empty();
        }
        for (String header : LEFT_TO_THE_RESOURCE) {
            if (request.getHeader(header) != null) {
                return Optional.empty();
            }
        }
        return ImageId.parse(uri.substring(start));
    }

    private boolean answered(ImageId id, HttpServletRequest request, HttpServletResponse response, long started)
            throws IOException {
        Map<String, List<String>> query = query(request);
        RenderSpec spec;
        try {
            spec = RenderSpec.parse(query, renditions.limits());
        } catch (InvalidParameterException invalid) {
            return false; // the resource answers with the error
        }
        return spec.isOriginal() ? answeredOriginal(id, request, response, started)
                : answeredRendition(new RenditionKey(id, spec), query, request, response, started);
    }

    private boolean answeredOriginal(ImageId id, HttpServletRequest request, HttpServletResponse response,
                                     long started) throws IOException {
        Original original;
        try {
            original = originals.find(id);
        } catch (RuntimeException unknownOrUnavailable) {
            return false;
        }
        Optional<Path> file = original.file();
        if (file.isEmpty()) {
            return false; // streamed from a holder by the resource
        }
        String etag = quoted(original.etag());
        if (notModified(request, response, etag)) {
            served(Served.ORIGINAL, HttpServletResponse.SC_NOT_MODIFIED, 0, started);
            return true;
        }
        InputStream in;
        try {
            in = Files.newInputStream(file.get());
        } catch (NoSuchFileException purgedOrMoved) {
            return false; // the resource looks again, and answers what is true now
        }
        try (in) {
            okHeaders(response, etag, original.format().mediaType(), original.bytes());
            response.setHeader("Accept-Ranges", "bytes");
            served(Served.ORIGINAL, HttpServletResponse.SC_OK, original.bytes(), started);
            ImageResource.copy(in, response.getOutputStream(), original.bytes());
        }
        return true;
    }

    private boolean answeredRendition(RenditionKey key, Map<String, List<String>> query, HttpServletRequest request,
                                      HttpServletResponse response, long started) throws IOException {
        if (!signatures.valid(key.image(), query)) {
            return false;
        }
        Optional<Rendered> cached = renditions.cached(key);
        if (cached.isEmpty()) {
            return false;
        }
        String etag = quoted(key.etag());
        if (notModified(request, response, etag)) {
            served(Served.RENDITION, HttpServletResponse.SC_NOT_MODIFIED, 0, started);
            return true;
        }
        byte[] bytes = cached.get().bytes();
        okHeaders(response, etag, cached.get().format().mediaType(), bytes.length);
        served(Served.RENDITION, HttpServletResponse.SC_OK, bytes.length, started);
        response.getOutputStream().write(bytes);
        return true;
    }

    /** As JAX-RS's precondition check for a GET: any listed tag (weakly compared) or {@code *} means 304. */
    private static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        // every If-None-Match line, as JAX-RS reads them: a list may come split over several
        String ifNoneMatch = String.join(",", Collections.list(request.getHeaders("If-None-Match")));
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        // tags are quoted strings, and ours contain commas: compare quoted strings, never split on commas
        boolean matches = ifNoneMatch.trim().equals("*")
                || ENTITY_TAG.matcher(ifNoneMatch).results().anyMatch(tag -> tag.group(1).equals(etag));
        if (matches) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", ImageResource.IMMUTABLE);
        }
        return matches;
    }

    private static void okHeaders(HttpServletResponse response, String etag, String mediaType, long length) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(mediaType);
        response.setContentLengthLong(length);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", ImageResource.IMMUTABLE);
    }

    /** Counted as the resource counts: the body's length, the time to the response's start. */
    private void served(Served kind, int status, long bytes, long started) {
        metrics.imageServed(kind, status, bytes, System.nanoTime() - started);
    }

    /** The query as JAX-RS gives it: decoded, every value of a repeated parameter in order. */
    private static Map<String, List<String>> query(HttpServletRequest request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, List.of(values)));
        return query;
    }

    private static String quoted(String etag) {
        return '"' + etag + '"';
    }
}
