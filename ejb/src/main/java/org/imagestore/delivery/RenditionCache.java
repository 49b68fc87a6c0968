package org.imagestore.delivery;

import java.util.Arrays;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.imagestore.cluster.ClusterCaches;
import org.imagestore.imaging.ImageFormat;

/**
 * Rendered variants, kept once in the cluster's Infinispan cache (bounded in memory on each node), keyed by
 * {@code imageId/spec}. A value is the encoded bytes behind one byte naming their format.
 */
@ApplicationScoped
public class RenditionCache {

    private static final ImageFormat[] FORMATS = ImageFormat.values();

    @EJB
    private ClusterCaches caches;

    public Rendered get(String key) {
        byte[] value = caches.renditions().get(key);
        if (value == null) {
            return null;
        }
        return new Rendered(Arrays.copyOfRange(value, 1, value.length), FORMATS[value[0]], etagOf(key));
    }

    public void put(String key, Rendered rendered) {
        byte[] value = new byte[rendered.bytes().length + 1];
        value[0] = (byte) rendered.format().ordinal();
        System.arraycopy(rendered.bytes(), 0, value, 1, rendered.bytes().length);
        caches.renditions().put(key, value);
    }

    /** Forgets every variant of a purged image. */
    public void forgetImage(String imageId) {
        caches.renditions().keySet().removeIf(key -> key.startsWith(imageId + "/"));
    }

    /** Strong ETag of a variant: the image id and the canonical spec. */
    static String etagOf(String key) {
        return "\"" + key.replace('/', '-') + "\"";
    }
}
