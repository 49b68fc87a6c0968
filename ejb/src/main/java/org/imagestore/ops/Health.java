package org.imagestore.ops;

import java.util.List;

/**
 * The node's health: {@code UP} when every check passes. A check can be {@code UP}, {@code WARN} (working but
 * needs attention; does not make the node DOWN), {@code DEGRADED} (the node serves what it can without it: the
 * catalogue unreachable, it still serves the originals it holds and cached renditions, and uploads get 421) or
 * {@code DOWN}. A node that is not DOWN keeps its place behind a load balancer.
 */
public record Health(String status, String node, List<Check> checks) {

    public record Check(String name, String status, String detail) {
        static Check up(String name, String detail) {
            return new Check(name, "UP", detail);
        }

        static Check warn(String name, String detail) {
            return new Check(name, "WARN", detail);
        }

        static Check degraded(String name, String detail) {
            return new Check(name, "DEGRADED", detail);
        }

        static Check down(String name, String detail) {
            return new Check(name, "DOWN", detail);
        }
    }

    /** DOWN when any check is DOWN, else DEGRADED when any is; WARN checks leave the node UP. */
    public static Health of(String node, List<Check> checks) {
        String status = checks.stream().anyMatch(c -> c.status().equals("DOWN")) ? "DOWN"
                : checks.stream().anyMatch(c -> c.status().equals("DEGRADED")) ? "DEGRADED" : "UP";
        return new Health(status, node, List.copyOf(checks));
    }

    /** Whether the node takes requests (UP or DEGRADED). */
    public boolean serving() {
        return !status.equals("DOWN");
    }
}
