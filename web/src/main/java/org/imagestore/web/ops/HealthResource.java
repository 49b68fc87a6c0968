package org.imagestore.web.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.imagestore.ops.Health;
import org.imagestore.ops.HealthChecks;
import org.imagestore.web.admin.AdminSecurity;

/**
 * {@code GET /health}: 200 when the node is UP or DEGRADED, 503 when DOWN. Anonymous callers (load balancers) get the status
 * and the node's name only; administrators get every check with its detail (volume paths, database errors).
 */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("health")
public class HealthResource {

    @Inject
    private HealthChecks checks;
    @Inject
    private SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Health health = checks.check();
        return Response.status(health.serving() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(security.isCallerInRole(AdminSecurity.ROLE) ? health : new Terse(health.status(), health.node()))
                .header("Cache-Control", "no-store").build();
    }

    /** What anyone may see. */
    public record Terse(String status, String node) {
    }
}
