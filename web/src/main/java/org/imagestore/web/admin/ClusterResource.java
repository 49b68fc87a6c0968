package org.imagestore.web.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.imagestore.replication.ClusterReport;

/** The cluster as operators see it: {@code GET /admin/cluster} and {@code GET /admin/groups} (DESIGN.md). */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    private ClusterReport report;

    @GET
    @Path("cluster")
    public ClusterReport.ClusterStatus cluster() {
        return report.cluster();
    }

    /** The same as a table, for terminals. */
    @GET
    @Path("cluster")
    @Produces(MediaType.TEXT_PLAIN)
    public String clusterTable() {
        return ClusterTable.of(report.cluster());
    }

    @GET
    @Path("groups")
    public List<ClusterReport.GroupStatus> groups() {
        return report.groups();
    }

    /** One line per group, {@code ab node-1,node-2}: what a load balancer's map needs. */
    @GET
    @Path("groups")
    @Produces(MediaType.TEXT_PLAIN)
    public String groupLines() {
        StringBuilder out = new StringBuilder();
        report.groups().forEach(g -> out.append(g.group()).append(' ').append(String.join(",", g.holders())).append('\n'));
        return out.toString();
    }
}
