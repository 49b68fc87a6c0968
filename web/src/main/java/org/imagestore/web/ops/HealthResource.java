package org.imagestore.web.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.imagestore.ops.Health;
import org.imagestore.ops.HealthChecks;

/** {@code GET /health}: 200 when the node is UP, 503 when DOWN, with every check in JSON. */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("health")
public class HealthResource {

    @Inject
    private HealthChecks checks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Health health = checks.check();
        return Response.status(health.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(health).header("Cache-Control", "no-store").build();
    }
}
