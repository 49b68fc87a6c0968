package org.imagestore.web.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.imagestore.cluster.ThisNode;
import org.imagestore.ops.Health;
import org.imagestore.ops.HealthChecks;
import org.imagestore.web.admin.AdminSecurity;

/**
 * {@code GET /health}: 200 when the node is UP or DEGRADED, 503 when DOWN. Anonymous callers (load balancers) get the status
 * and the node's name only; administrators get every check with its detail (volume paths, database errors).
 * {@code GET /health/live}: 200 as long as the application answers (restart the node when it does not).
 * {@code GET /health/ready}: 200 when a load balancer should send the node work: serving and not being drained.
 */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("health")
public class HealthResource {

    @Inject
    private HealthChecks checks;
    @Inject
    private ThisNode node;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health(@Context SecurityContext caller) {
        Health health = checks.check();
        return Response.status(health.serving() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(caller.isUserInRole(AdminSecurity.ROLE) ? health : new Terse(health.status(), health.node()))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("live")
    @Produces(MediaType.APPLICATION_JSON)
    public Response live() {
        return Response.ok(new Terse("UP", node.name())).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        Health health = checks.check();
        boolean draining = health.serving() && checks.draining();
        boolean ready = health.serving() && !draining;
        return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Terse(draining ? "DRAINING" : health.status(), health.node()))
                .header("Cache-Control", "no-store").build();
    }

    /** What anyone may see. */
    public record Terse(String status, String node) {
    }
}
