package org.imagestore.placement;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Weighted rendezvous (highest random weight) hashing: ranks nodes for a group so that each node comes first for
 * a share of the groups proportional to its weight, every node computes the same ranking, and adding or removing
 * a node changes the ranking of only the groups it wins or loses. Used where a choice must be deterministic
 * without coordination: the holders of groups that hold nothing yet, stand-ins for a down holder.
 */
public final class Rendezvous {

    private Rendezvous() {
    }

    /** The nodes, best first, for this group. Weights must be positive. */
    public static List<String> rank(String group, Map<String, Double> weights) {
        return weights.keySet().stream()
                .sorted(Comparator.comparingDouble((String node) -> -score(group, node, weights.get(node)))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** {@code -weight / ln(u)} with {@code u} uniform in (0, 1) from a hash of group and node. */
    static double score(String group, String node, double weight) {
        long hash = mix(fnv1a(group + "/" + node));
        double u = ((hash >>> 11) + 0.5) / (1L << 53); // 53 random bits, never 0 or 1
        return -weight / Math.log(u);
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: FNV alone leaves similar strings with similar high bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
