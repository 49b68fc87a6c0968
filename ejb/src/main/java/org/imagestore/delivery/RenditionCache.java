package org.imagestore.delivery;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.cluster.ClusterCaches;
import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFormat;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * Rendered variants, kept once in the cluster's Infinispan cache (bounded in memory on each node), keyed by
 * {@link RenditionKey#cacheKey()}; a node that reads one another node owns keeps a near copy (Infinispan's L1,
 * invalidated when the owner's entry is removed), so a hot rendition is served without a network hop from every
 * node it is read through. A value is the encoded bytes behind one byte naming their format.
 *
 * <p>A purge removes an image's entries from their owners, which drops the near copies the owners know of; a near
 * copy whose owner had already evicted the entry is not known to anyone, so a purge also leaves a tombstone in the
 * replicated cluster state for longer than a near copy lives, and a hit on a purged image is dropped.
 *
 * <p>In front of it, each node keeps the renditions read through it ready to send ({@link HotRenditions}); every
 * node hears a purge's tombstone as it is replicated, before the purge answers, and drops the image's entries.
 */
@ApplicationScoped
public class RenditionCache {

    private static final ImageFormat[] FORMATS = ImageFormat.values();
    private static final String PURGED = "purged-image/";
    /** Longer than a near copy lives ({@code l1-lifespan} in imagestore-infinispan.xml, 10 minutes). */
    private static final long TOMBSTONE_MINUTES = 11;

    @EJB
    private ClusterCaches caches;
    @Inject
    @ConfigProperty(name = "imagestore.render.hot-cache-mb", defaultValue = "32")
    long hotMegabytes;
    /** Held here: a hit then costs a local map read, not also a call through the singleton's EJB container. */
    private Cache<String, byte[]> renditions;
    private Cache<String, byte[]> clusterState;
    private HotRenditions hot;
    private PurgeListener purgeListener;

    @PostConstruct
    void start() {
        renditions = caches.renditions();
        clusterState = caches.clusterState();
        hot = new HotRenditions(hotMegabytes << 20);
        purgeListener = new PurgeListener();
        clusterState.addListener(purgeListener);
    }

    @PreDestroy
    void stop() {
        clusterState.removeListener(purgeListener);
    }

    public Optional<Rendered> get(RenditionKey key) {
        String cacheKey = key.cacheKey();
        Optional<Rendered> hit = hot.get(cacheKey);
        if (hit.isPresent()) {
            return hit;
        }
        long purgesBefore = hot.purgesSoFar();
        byte[] value = renditions.get(cacheKey);
        if (value == null) {
            return Optional.empty();
        }
        if (clusterState.containsKey(PURGED + key.image().value())) { // a near copy that outlived its image's purge
            renditions.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL).remove(cacheKey);
            return Optional.empty();
        }
        Rendered rendered = new Rendered(key, Arrays.copyOfRange(value, 1, value.length), FORMATS[value[0]]);
        hot.admit(cacheKey, rendered, purgesBefore);
        return Optional.of(rendered);
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
        hot.forgetImage(image); // as the listener does on every node: this node's purge does not depend on it
        renditions.keySet().removeIf(key -> RenditionKey.isOf(key, image));
    }

    /** Hears every purge's tombstone, this node's and the other nodes', as the replicated state takes it. */
    @Listener
    public final class PurgeListener {

        @CacheEntryCreated
        @CacheEntryModified
        public void tombstone(CacheEntryEvent<String, byte[]> event) {
            String key = event.getKey();
            if (!event.isPre() && key.startsWith(PURGED)) {
                ImageId.parse(key.substring(PURGED.length())).ifPresent(hot::forgetImage);
            }
        }
    }
}
