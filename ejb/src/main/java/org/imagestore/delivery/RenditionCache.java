package org.imagestore.delivery;

import java.util.Arrays;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.imagestore.cluster.ClusterCaches;
import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFormat;

/**
 * Rendered variants, kept once in the cluster's Infinispan cache (bounded in memory on each node), keyed by
 * {@link RenditionKey#cacheKey()}. A value is the encoded bytes behind one byte naming their format.
 */
@ApplicationScoped
public class RenditionCache {

    private static final ImageFormat[] FORMATS = ImageFormat.values();

    @EJB
    private ClusterCaches caches;

    public Optional<Rendered> get(RenditionKey key) {
        byte[] value = caches.renditions().get(key.cacheKey());
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(new Rendered(key, Arrays.copyOfRange(value, 1, value.length), FORMATS[value[0]]));
    }

    public void put(Rendered rendered) {
        byte[] value = new byte[rendered.bytes().length + 1];
        value[0] = (byte) rendered.format().ordinal();
        System.arraycopy(rendered.bytes(), 0, value, 1, rendered.bytes().length);
        caches.renditions().put(rendered.key().cacheKey(), value);
    }

    /** Forgets every variant of a purged image. */
    public void forgetImage(ImageId image) {
        caches.renditions().keySet().removeIf(key -> RenditionKey.isOf(key, image));
    }
}
