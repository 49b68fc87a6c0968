package org.imagestore.web.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.imagestore.cluster.NodeRegistry;
import org.imagestore.replication.ClusterReport;
import org.imagestore.support.InvalidParameterException;

/**
 * The cluster as operators see it: {@code GET /admin/cluster} and {@code GET /admin/groups} (DESIGN.md), and
 * {@code PUT /admin/cluster} to change its grace period.
 */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    private ClusterReport report;
    @Inject
    private NodeRegistry registry;

    /** A change of the cluster's settings: {@code {"graceSeconds": 600}}. */
    public record SettingsChange(Integer graceSeconds) {
    }

    /**
     * Changes how long a node may be down before its groups get new holders (raise it before planned
     * maintenance, lower it to re-replicate sooner).
     */
    @PUT
    @Path("cluster")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClusterReport.ClusterStatus change(SettingsChange change) {
        if (change == null || change.graceSeconds() == null) {
            throw new InvalidParameterException("graceSeconds", "give the new grace period in seconds");
        }
        if (change.graceSeconds() < 0 || change.graceSeconds() > 30 * 24 * 3600) {
            throw new InvalidParameterException("graceSeconds", "must be between 0 and 2592000 (30 days)");
        }
        registry.changeGraceSeconds(change.graceSeconds());
        return report.cluster();
    }

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
