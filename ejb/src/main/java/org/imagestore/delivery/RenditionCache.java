package org.imagestore.delivery;

import java.util.Arrays;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.imagestore.cluster.ClusterCaches;
import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFormat;
import org.infinispan.Cache;

/**
 * Rendered variants, kept once in the cluster's Infinispan cache (bounded in memory on each node), keyed by
 * {@link RenditionKey#cacheKey()}; a node that reads one another node owns keeps a near copy (Infinispan's L1,
 * invalidated when the owner's entry is removed), so a hot rendition is served without a network hop from every
 * node it is read through. A value is the encoded bytes behind one byte naming their format.
 */
@ApplicationScoped
public class RenditionCache {

    private static final ImageFormat[] FORMATS = ImageFormat.values();

    @EJB
    private ClusterCaches caches;
    /** Held here: a hit then costs a local map read, not also a call through the singleton's EJB container. */
    private Cache<String, byte[]> renditions;

    @PostConstruct
    void start() {
        renditions = caches.renditions();
    }

    public Optional<Rendered> get(RenditionKey key) {
        byte[] value = renditions.get(key.cacheKey());
        if (value == null) {
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
        renditions.keySet().removeIf(key -> RenditionKey.isOf(key, image));
    }
}
