package org.imagestore.web.images;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.imagestore.ops.Metrics;

/**
 * Counts every response of an image URL once, by what it served (the resource says which, in a request
 * property), its status and its body's size, and times it from the request to the start of the response.
 */
@Provider
@CountedImageResponse
public class ImageResponseCounter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ImageResponseCounter.class.getName() + ".started";

    /** The request property that says whether an original or a rendition was asked for. */
    static final String SERVED = ImageResponseCounter.class.getName() + ".served";

    @Inject
    private Metrics metrics;

    static void serving(jakarta.servlet.http.HttpServletRequest request, Metrics.Served kind) {
        request.setAttribute(SERVED, kind);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SERVED) instanceof Metrics.Served kind) {
            long nanos = request.getProperty(STARTED) instanceof Long started ? System.nanoTime() - started : 0;
            metrics.imageServed(kind, response.getStatus(), bodyBytes(response), nanos);
        }
    }

    private static long bodyBytes(ContainerResponseContext response) {
        if (response.getLength() >= 0) {
            return response.getLength();
        }
        return response.getEntity() instanceof byte[] bytes ? bytes.length : 0;
    }
}
