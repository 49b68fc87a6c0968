package org.imagestore.web.admin;

import java.util.Locale;

import org.imagestore.replication.ClusterReport;

/** The cluster report as a table for terminals ({@code ./imagestore status}). */
final class ClusterTable {

    private ClusterTable() {
    }

    static String of(ClusterReport.ClusterStatus status) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cluster: every image on %d nodes; %d images short of copies on live nodes;"
                        + " %d groups waiting for repair%n", status.replicas(), status.underReplicated(),
                status.repair().groupsToCheck()));
        out.append(String.format(Locale.ROOT, "%-12s %-9s %-16s %7s %25s %8s %8s%n", "NODE", "STATE", "ADDRESS", "GROUPS",
                "USED / CAPACITY", "UPLOADS", "RENDERS"));
        for (ClusterReport.NodeStatus node : status.nodes()) {
            out.append(String.format(Locale.ROOT, "%-12s %-9s %-16s %7d %25s %8d %8d%n", node.name(), node.state(),
                    node.address(), node.groups(), gib(node.usedBytes()) + " / " + gib(node.capacityBytes())
                            + String.format(Locale.ROOT, " %5.1f%%", node.usedFraction() * 100),
                    node.uploadsInFlight(), node.rendersInFlight()));
        }
        return out.toString();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1fG", bytes / (double) (1L << 30));
    }
}
