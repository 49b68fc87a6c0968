package org.imagestore.web.admin;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.NodeRegistry;
import org.imagestore.levelling.Leveller;
import org.imagestore.placement.MapMaintenance;
import org.imagestore.replication.ClusterReport;
import org.imagestore.support.InvalidParameterException;
import org.imagestore.volume.VolumeRecord;
import org.imagestore.volume.VolumeRecords;
import org.imagestore.web.ErrorResponse;

/**
 * The cluster as operators see and steer it: {@code GET /admin/cluster} and {@code GET /admin/groups}
 * (DESIGN.md); {@code PUT /admin/cluster} (grace period, levelling on/off and its tolerance, who reads metadata);
 * {@code POST /admin/cluster/levelling} (a round now); {@code PUT/DELETE /admin/nodes/{name}} (drain, remove);
 * {@code PUT /admin/nodes/{name}/volumes/{id}} (empty one volume of a node onto its others, or take it back).
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
    @Inject
    private Cluster cluster;
    @Inject
    private Leveller leveller;
    @Inject
    private MapMaintenance maintenance;
    @Inject
    private VolumeRecords volumes;

    /**
     * A change of the cluster's settings: {@code {"graceSeconds": 600, "levelling": true, "levellingTolerance": 0.02,
     * "metadataAccess": "viewer", "adminHttpsOnly": true}}.
     */
    public record SettingsChange(Integer graceSeconds, Boolean levelling, Double levellingTolerance, String metadataAccess,
            Boolean adminHttpsOnly) {
    }

    /** A change of a node: {@code {"state": "draining"}} moves its groups off, {@code "up"} takes it back. */
    public record NodeChange(String state) {
    }

    /** What a levelling round asked for did. */
    public record LevellingOutcome(String outcome) {
    }

    /**
     * Changes how long a node may be down before its groups get new holders (raise it before planned
     * maintenance, lower it to re-replicate sooner).
     */
    @PUT
    @Path("cluster")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClusterReport.ClusterStatus change(SettingsChange change) {
        if (change == null || (change.graceSeconds() == null && change.levelling() == null
                && change.levellingTolerance() == null && change.metadataAccess() == null
                && change.adminHttpsOnly() == null)) {
            throw new InvalidParameterException("body",
                    "give graceSeconds, levelling, levellingTolerance, metadataAccess and/or adminHttpsOnly");
        }
        if (change.adminHttpsOnly() != null) {
            registry.changeAdminHttpsOnly(change.adminHttpsOnly());
        }
        if (change.metadataAccess() != null) {
            if (!change.metadataAccess().equals("public") && !change.metadataAccess().equals("viewer")) {
                throw new InvalidParameterException("metadataAccess", "must be \"public\" or \"viewer\"");
            }
            registry.changeMetadataAccess(change.metadataAccess());
        }
        if (change.graceSeconds() != null) {
            if (change.graceSeconds() < 0 || change.graceSeconds() > 30 * 24 * 3600) {
                throw new InvalidParameterException("graceSeconds", "must be between 0 and 2592000 (30 days)");
            }
            registry.changeGraceSeconds(change.graceSeconds());
        }
        if (change.levelling() != null || change.levellingTolerance() != null) {
            NodeRegistry.LevellingSettings now = registry.levellingSettings();
            double tolerance = change.levellingTolerance() == null ? now.tolerance() : change.levellingTolerance();
            if (!(tolerance >= 0.001 && tolerance <= 0.5)) {
                throw new InvalidParameterException("levellingTolerance", "must be between 0.001 and 0.5");
            }
            registry.changeLevelling(change.levelling() == null ? now.enabled() : change.levelling(), tolerance);
        }
        return report.cluster();
    }

    /** Plans and starts a levelling round now (it still waits for a settled cluster). */
    @POST
    @Path("cluster/levelling")
    public LevellingOutcome level() {
        return new LevellingOutcome(leveller.level("asked by an administrator"));
    }

    /** Drains a node (levelling moves every group off it) or takes it back into service. */
    @PUT
    @Path("nodes/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClusterReport.ClusterStatus changeNode(@PathParam("name") String name, NodeChange change) {
        if (change == null || !("draining".equals(change.state()) || "up".equals(change.state()))) {
            throw new InvalidParameterException("state", "must be draining or up");
        }
        if (!registry.changeState(name, change.state())) {
            throw new InvalidParameterException("name", "no node " + name + " that is up and not " + change.state() + " already");
        }
        maintenance.grow(Set.of()); // groups that hold nothing leave a draining node, or come to one back in service
        leveller.level(name + " is now " + change.state());
        return report.cluster();
    }

    /**
     * Empties a volume of a node onto the node's other volumes (a disk to be replaced), or takes it back into
     * service. The node does the moving; {@code GET /admin/cluster} shows the volume's bytes going down.
     */
    @PUT
    @Path("nodes/{name}/volumes/{volume}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClusterReport.ClusterStatus changeVolume(@PathParam("name") String name, @PathParam("volume") String volume,
                                                    NodeChange change) {
        if (change == null || !("draining".equals(change.state()) || "up".equals(change.state()))) {
            throw new InvalidParameterException("state", "must be draining or up");
        }
        boolean draining = "draining".equals(change.state());
        List<VolumeRecord> ofNode = volumes.of(name);
        if (ofNode.stream().noneMatch(v -> v.volume().equals(volume))) {
            throw new InvalidParameterException("volume", "node " + name + " has no volume " + volume
                    + " (GET /admin/cluster lists every node's volumes)");
        }
        if (draining && ofNode.stream().noneMatch(v -> !v.volume().equals(volume) && !v.draining())) {
            throw new InvalidParameterException("volume", "it is the last volume of " + name
                    + " in service: drain the node instead (PUT /admin/nodes/" + name + " {\"state\":\"draining\"})");
        }
        volumes.setDraining(name, volume, draining);
        return report.cluster();
    }

    /** Forgets a drained, stopped node; refused while it still holds groups or copies. */
    @DELETE
    @Path("nodes/{name}")
    public Response removeNode(@PathParam("name") String name) {
        if (!registry.forget(name)) {
            return ErrorResponse.of(Response.Status.CONFLICT, "name",
                    name + " still holds groups or copies (drain it first), or is unknown");
        }
        cluster.refreshNodes(); // this node lists it no more at once; the others at their next heartbeat (5 s)
        return Response.noContent().build();
    }

    @GET
    @Path("cluster")
    public ClusterReport.ClusterStatus cluster() {
        return report.cluster();
    }

    /** The same as a table, for terminals. */
    @GET
    @Path("cluster")
    @Produces("text/plain; qs=0.5") // JSON unless a client asks for text (curl sends */*)
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
    @Produces("text/plain; qs=0.5") // JSON unless a client asks for text (curl sends */*)
    public String groupLines() {
        StringBuilder out = new StringBuilder();
        report.groups().forEach(g -> out.append(g.group()).append(' ').append(String.join(",", g.holders())).append('\n'));
        return out.toString();
    }
}
