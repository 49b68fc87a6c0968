package org.imagestore.delivery;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.imagestore.cluster.ClusterCaches;
import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFormat;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

/**
 * Rendered variants, kept once in the cluster's Infinispan cache (bounded in memory on each node), keyed by
 * {@link RenditionKey#cacheKey()}; a node that reads one another node owns keeps a near copy (Infinispan's L1,
 * invalidated when the owner's entry is removed), so a hot rendition is served without a network hop from every
 * node it is read through. A value is the encoded bytes behind one byte naming their format.
 *
 * <p>A purge removes an image's entries from their owners, which drops the near copies the owners know of; a near
 * copy whose owner had already evicted the entry is not known to anyone, so a purge also leaves a tombstone in the
 * replicated cluster state for longer than a near copy lives, and a hit on a purged image is dropped.
 */
@ApplicationScoped
public class RenditionCache {

    private static final ImageFormat[] FORMATS = ImageFormat.values();
    private static final String PURGED = "purged-image/";
    /** Longer than a near copy lives ({@code l1-lifespan} in imagestore-infinispan.xml, 10 minutes). */
    private static final long TOMBSTONE_MINUTES = 11;

    @EJB
    private ClusterCaches caches;
    /** Held here: a hit then costs a local map read, not also a call through the singleton's EJB container. */
    private Cache<String, byte[]> renditions;
    private Cache<String, byte[]> clusterState;

    @PostConstruct
    void start() {
        renditions = caches.renditions();
        clusterState = caches.clusterState();
    }

    public Optional<Rendered> get(RenditionKey key) {
        byte[] value = renditions.get(key.cacheKey());
        if (value == null) {
            return Optional.empty();
        }
        if (clusterState.containsKey(PURGED + key.image().value())) { // a near copy that outlived its image's purge
            renditions.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL).remove(key.cacheKey());
            return Optional.empty();
        }
        return Optional.of(new Rendered(key, Arrays.copyOfRange(value, 1, value.length), FORMATS[value[0]]));
    }

    public void put(Rendered rendered) {
        byte[] value = new byte[rendered.bytes().length + 1];
        value[0] = (byte) rendered.format().ordinal();
        System.arraycopy(rendered.bytes(), 0, value, 1, rendered.bytes().length);
        renditions.put(rendered.key().cacheKey(), value);
    }

    /** Forgets every variant of a purged image. */
    public void forgetImage(ImageId image) {
        clusterState.put(PURGED + image.value(), new byte[0], TOMBSTONE_MINUTES, TimeUnit.MINUTES);
        renditions.keySet().removeIf(key -> RenditionKey.isOf(key, image));
    }
}
