package org.imagestore.web.internal;

import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.imagestore.cluster.Cluster;
import org.imagestore.replication.InternalAuth;
import org.imagestore.web.ErrorResponse;

/** Lets a request through to the node-to-node endpoint only with a valid signature from a node of this cluster. */
@Provider
@NodeToNode
@Priority(Priorities.AUTHENTICATION)
public class NodeToNodeAuthentication implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(NodeToNodeAuthentication.class.getName());

    @Inject
    private Cluster cluster;

    @Override
    public void filter(ContainerRequestContext request) {
        String pathAndQuery = InternalAuth.requestLine(request.getUriInfo().getRequestUri());
        boolean valid = InternalAuth.verify(cluster.settings().secret(), request.getHeaderString(InternalAuth.HEADER),
                request.getMethod(), pathAndQuery, Instant.now().getEpochSecond()).isPresent();
        if (!valid) {
            LOG.warning(() -> "node-to-node request refused (no valid signature): " + request.getMethod() + " "
                    + pathAndQuery);
            request.abortWith(ErrorResponse.of(Response.Status.UNAUTHORIZED, "node-to-node requests must be signed"));
        }
    }
}
