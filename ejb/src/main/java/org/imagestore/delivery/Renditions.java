package org.imagestore.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.image.ImageId;
import org.imagestore.ops.Metrics;
import org.imagestore.rendering.ImageRenderer;
import org.imagestore.rendering.RenderLimits;
import org.imagestore.rendering.RenderSpec;
import org.imagestore.rendering.Rendition;

/**
 * Renders variants, once: a variant is looked up in the rendition cache first. Renders take one of a fixed
 * number of slots (by default one per core), so at most that many full-size rasters exist at once; a request
 * that waits too long for a slot is turned away (503) rather than queueing without bound.
 */
@ApplicationScoped
public class Renditions {

    private static final Logger LOG = Logger.getLogger(Renditions.class.getName());

    @Inject
    private Originals originals;
    @Inject
    private RenditionCache cache;
    @Inject
    private Metrics metrics;
    @Inject
    @ConfigProperty(name = "imagestore.render.slots", defaultValue = "0")
    int configuredSlots;
    @Inject
    @ConfigProperty(name = "imagestore.render.queue-timeout-ms", defaultValue = "10000")
    long queueTimeoutMillis;
    @Inject
    @ConfigProperty(name = "imagestore.render.max-output-side", defaultValue = "8192")
    int maxOutputSide;
    @Inject
    @ConfigProperty(name = "imagestore.render.max-source-pixels", defaultValue = "100000000")
    long maxSourcePixels;
    @Inject
    @ConfigProperty(name = "imagestore.render.max-source-bytes", defaultValue = "268435456")
    long maxSourceBytes;

    private RenderLimits limits;
    private ImageRenderer renderer;
    private Semaphore slots;

    @PostConstruct
    void start() {
        limits = new RenderLimits(maxOutputSide, maxSourcePixels, maxSourceBytes);
        renderer = new ImageRenderer(limits);
        int count = configuredSlots > 0 ? configuredSlots : Runtime.getRuntime().availableProcessors();
        slots = new Semaphore(count, true);
        LOG.info("rendering with " + count + " slots, limits " + limits);
    }

    public RenderLimits limits() {
        return limits;
    }

    public Rendered render(ImageId id, RenderSpec spec) {
        String key = id.value() + "/" + spec.key();
        Rendered cached = cache.get(key);
        if (cached != null) {
            metrics.count("imagestore_renditions_total{result=\"cache_hit\"}");
            return cached;
        }
        Original original = originals.find(id);
        Rendition rendition = renderInSlot(original, spec);
        Rendered rendered = new Rendered(rendition.bytes(), rendition.format(), RenditionCache.etagOf(key));
        cache.put(key, rendered);
        metrics.count("imagestore_renditions_total{result=\"rendered\"}");
        return rendered;
    }

    private Rendition renderInSlot(Original original, RenderSpec spec) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(queueTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderBusyException("interrupted while waiting to render");
        }
        if (!acquired) {
            metrics.count("imagestore_renditions_total{result=\"busy\"}");
            throw new RenderBusyException("all render slots are busy; retry shortly");
        }
        long started = System.nanoTime();
        try {
            Rendition rendition = renderer.render(original.file(), spec);
            metrics.add("imagestore_render_milliseconds_total", (System.nanoTime() - started) / 1_000_000);
            return rendition;
        } catch (IOException e) {
            throw new UncheckedIOException("rendering image " + original.id() + " failed", e);
        } finally {
            slots.release();
        }
    }
}
