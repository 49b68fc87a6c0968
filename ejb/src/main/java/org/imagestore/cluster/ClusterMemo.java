package org.imagestore.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

import org.infinispan.Cache;

/**
 * Something every node keeps in memory that any node may change in the catalogue (alert rules, source accounts):
 * a change, once committed, publishes a new version under a key of the replicated cluster state, and a node that
 * sees another version than the one it loaded loads again (and at least every {@code maxAge}, whatever it sees:
 * a node that missed a version while cut off catches up). Reading the version is a local read of a replicated
 * cache, so a hit costs no round trip.
 */
public final class ClusterMemo<T> {

    private record Loaded<T>(byte[] version, long atNanos, T value) {
    }

    private final Cache<String, byte[]> state;
    private final String key;
    private final long maxAgeNanos;
    private final Supplier<T> loader;
    private volatile Loaded<T> loaded;

    /**
     * @param state  the replicated cluster state ({@link ClusterCaches#clusterState()})
     * @param key    the state's key under which this memo's version is published
     * @param loader reads the value from the catalogue
     */
    public ClusterMemo(Cache<String, byte[]> state, String key, Duration maxAge, Supplier<T> loader) {
        this.state = state;
        this.key = key;
        this.maxAgeNanos = maxAge.toNanos();
        this.loader = loader;
    }

    /** The value as of the newest version this node has seen. */
    public T get() {
        byte[] version = state.get(key);
        Loaded<T> current = loaded;
        if (current == null || !Arrays.equals(current.version(), version)
                || System.nanoTime() - current.atNanos() > maxAgeNanos) {
            current = new Loaded<>(version, System.nanoTime(), loader.get());
            loaded = current;
        }
        return current.value();
    }

    /** Call once a change has committed: this node loads again at its next read, and so does every other. */
    public void changed() {
        loaded = null;
        state.put(key, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    }
}
