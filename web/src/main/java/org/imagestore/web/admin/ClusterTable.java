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
                        + " %d groups waiting for repair; levelling and repair run on %s%n", status.replicas(),
                status.underReplicated(), status.repair().groupsToCheck(), status.coordinator()));
        out.append(String.format(Locale.ROOT, "%-12s %-9s %-16s %7s %25s %7s %8s %8s%n", "NODE", "STATE", "ADDRESS",
                "GROUPS", "USED / CAPACITY", "TARGET", "UPLOADS", "RENDERS"));
        for (ClusterReport.NodeStatus node : status.nodes()) {
            Double target = status.levelling().targetFractions().get(node.name());
            out.append(String.format(Locale.ROOT, "%-12s %-9s %-16s %7d %25s %7s %8d %8d%n", node.name(), node.state(),
                    node.address(), node.groups(), gib(node.usedBytes()) + " / " + gib(node.capacityBytes())
                            + String.format(Locale.ROOT, " %5.1f%%", node.usedFraction() * 100),
                    target == null ? "-" : String.format(Locale.ROOT, "%.1f%%", target * 100),
                    node.uploadsInFlight(), node.rendersInFlight()));
            for (ClusterReport.VolumeStatus volume : node.volumes()) {
                out.append(String.format(Locale.ROOT, "  volume %-36s %-30s %25s%s%n", volume.id(), volume.path(),
                        gib(volume.usedBytes()) + " / " + gib(volume.capacityBytes())
                                + String.format(Locale.ROOT, " %5.1f%%", volume.usedFraction() * 100),
                        volume.draining() ? "  draining" : ""));
            }
        }
        ClusterReport.LevellingStatus levelling = status.levelling();
        out.append(String.format(Locale.ROOT, "levelling: %s%s%n", levelling.state(), levelling.state().equals("moving")
                ? String.format(Locale.ROOT, ", %s copied of %s, %s groups in flight, %s", progressBar(levelling),
                gib(levelling.plannedBytes()), levelling.movesInFlight(),
                levelling.etaSeconds() < 0 ? "ETA unknown" : "ETA " + levelling.etaSeconds() + " s") : ""));
        return out.toString();
    }

    private static String progressBar(ClusterReport.LevellingStatus levelling) {
        int width = 20;
        double done = levelling.plannedBytes() == 0 ? 1 : (double) levelling.bytesMoved() / levelling.plannedBytes();
        int filled = (int) Math.round(Math.min(1, done) * width);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + gib(levelling.bytesMoved());
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1fG", bytes / (double) (1L << 30));
    }
}
