package org.imagestore.ops;

import java.util.List;

/**
 * The node's health: {@code UP} when every check passes. A check can be {@code UP}, {@code WARN} (working but
 * needs attention; does not make the node DOWN) or {@code DOWN}.
 */
public record Health(String status, String node, List<Check> checks) {

    public record Check(String name, String status, String detail) {
        static Check up(String name, String detail) {
            return new Check(name, "UP", detail);
        }

        static Check warn(String name, String detail) {
            return new Check(name, "WARN", detail);
        }

        static Check down(String name, String detail) {
            return new Check(name, "DOWN", detail);
        }
    }

    /** DOWN when any check is DOWN; WARN checks leave the node UP. */
    public static Health of(String node, List<Check> checks) {
        boolean down = checks.stream().anyMatch(c -> c.status().equals("DOWN"));
        return new Health(down ? "DOWN" : "UP", node, List.copyOf(checks));
    }

    public boolean up() {
        return status.equals("UP");
    }
}
