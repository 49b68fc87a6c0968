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

    public boolean up() {
        return status.equals("UP");
    }
}
