package org.imagestore.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.cluster.NodeLoads;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.ops.Metrics;
import org.imagestore.ops.Metrics.RenditionOutcome;
import org.imagestore.rendering.ImageRenderer;
import org.imagestore.rendering.InvalidRenderParameterException;
import org.imagestore.rendering.SourceRefusedException;
import org.imagestore.replication.CopyFailedException;
import org.imagestore.replication.HolderBusyException;
import org.imagestore.replication.RenderRefusedElsewhereException;
import org.imagestore.replication.NodeClient;
import org.imagestore.rendering.RenderLimits;
import org.imagestore.rendering.RenderSpec;
import org.imagestore.rendering.Rendition;

/**
 * Renders variants, once: a variant is looked up in the rendition cache first, and rendered on a node that holds
 * the image: this one when it holds it and has a free render slot, otherwise the least loaded live holder. Renders
 * are admitted by {@link RenderAdmission}: a slot (by default one per core) and the memory the render needs, out of
 * a fixed share of the heap; a render needing more than that share is refused (422), one that would wait too long
 * or behind too many others is turned away (503 + Retry-After) rather than queueing without bound.
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
    private NodeClient nodes;
    @Inject
    private NodeLoads loads;
    @Inject
    @ConfigProperty(name = "imagestore.render.slots", defaultValue = "0")
    int configuredSlots;
    @Inject
    @ConfigProperty(name = "imagestore.render.queue-timeout-ms", defaultValue = "10000")
    long queueTimeoutMillis;
    @Inject
    @ConfigProperty(name = "imagestore.render.max-waiting", defaultValue = "0")
    int configuredMaxWaiting;
    @Inject
    @ConfigProperty(name = "imagestore.render.memory-fraction", defaultValue = "0.5")
    double memoryFraction;
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
    private RenderAdmission admission;

    @PostConstruct
    void start() {
        limits = new RenderLimits(maxOutputSide, maxSourcePixels, maxSourceBytes);
        renderer = new ImageRenderer(limits);
        int count = configuredSlots > 0 ? configuredSlots : Runtime.getRuntime().availableProcessors();
        int maxWaiting = configuredMaxWaiting > 0 ? configuredMaxWaiting : 4 * count;
        long memory = (long) (Runtime.getRuntime().maxMemory() * memoryFraction);
        admission = new RenderAdmission(count, memory, maxWaiting, queueTimeoutMillis);
        LOG.info("rendering with " + count + " slots and " + (memory >> 20) + " MiB, at most " + maxWaiting
                + " renders waiting; limits " + limits);
    }

    public RenderLimits limits() {
        return limits;
    }

    /**
     * The rendition from the cache, or rendered now (and cached) on a node that holds the image: this one if it
     * has a copy, else a live holder.
     */
    public Rendered render(RenditionKey key) {
        return cached(key).orElseGet(() -> render(key, originals.find(key.image())));
    }

    /** Renders a variant the cache does not hold, of an original the caller has found already. */
    public Rendered render(RenditionKey key, Original original) {
        if (!original.local()) {
            return renderElsewhere(original, key);
        }
        if (admission.busy() && !original.holders().isEmpty()) {
            try { // every slot here is busy: a holder with free slots takes it
                return renderElsewhere(original, key);
            } catch (CopyUnavailableException | RenderBusyException nobodyElse) {
                // none could: wait for a slot here
            }
        }
        return renderHere(original, key);
    }

    /** Renders on this node, which must hold a copy (a render asked of it by another node). */
    public Rendered renderHere(RenditionKey key) {
        return cached(key).orElseGet(() -> {
            Original original = originals.find(key.image());
            if (!original.local()) {
                throw new CopyUnavailableException(key.image(), "no copy on this node to render from");
            }
            return renderHere(original, key);
        });
    }

    /** The rendition if it is in the cache (counted as a hit). */
    public Optional<Rendered> cached(RenditionKey key) {
        Optional<Rendered> cached = cache.get(key);
        cached.ifPresent(hit -> metrics.rendition(RenditionOutcome.CACHE_HIT));
        return cached;
    }

    private Rendered renderHere(Original original, RenditionKey key) {
        Rendition rendition = renderInSlot(original, key.spec());
        Rendered rendered = new Rendered(key, rendition.bytes(), rendition.format());
        cache.put(rendered);
        metrics.rendition(RenditionOutcome.RENDERED);
        return rendered;
    }

    /**
     * A holder renders it (and caches it, where every node finds it). When every holder turned it away for want of
     * a slot, the caller is told to retry shortly, as a busy node here would tell it.
     */
    private Rendered renderElsewhere(Original original, RenditionKey key) {
        String lastFailure = "";
        int busy = 0;
        List<String> leastLoadedFirst = original.holders().stream()
                .sorted(Comparator.comparingInt(holder -> loads.of(holder).rendersInFlight())).toList();
        for (String holder : leastLoadedFirst) {
            try {
                NodeClient.RemoteRendition remote = nodes.render(holder, key.image(), key.spec().query());
                ImageFormat format = ImageFormat.fromMediaType(remote.mediaType()).orElseThrow(
                        () -> new CopyFailedException(holder + " answered with " + remote.mediaType(), false));
                metrics.rendition(RenditionOutcome.RENDERED_ELSEWHERE);
                return new Rendered(key, remote.bytes(), format);
            } catch (RenderRefusedElsewhereException refused) {
                throw sameRefusalHere(key, refused);
            } catch (HolderBusyException e) {
                busy++;
                lastFailure = e.getMessage();
            } catch (CopyFailedException e) {
                lastFailure = e.getMessage();
                LOG.warning("image " + key.image() + ": render on " + holder + " failed (" + e.getMessage()
                        + "); trying the next holder");
            }
        }
        if (busy > 0 && busy == leastLoadedFirst.size()) {
            metrics.rendition(RenditionOutcome.BUSY);
            throw new RenderBusyException("every node holding image " + key.image() + " is busy rendering; retry shortly");
        }
        throw new CopyUnavailableException(key.image(), "no holder could render it: " + lastFailure);
    }

    /** What the holder refused, refused here the same way (every holder would refuse it). */
    private static RuntimeException sameRefusalHere(RenditionKey key, RenderRefusedElsewhereException refused) {
        return switch (refused.status()) {
            case 400 -> new InvalidRenderParameterException(refused.parameter().orElse("parameters"), refused.getMessage());
            case 404 -> new UnknownImageException(key.image());
            default -> new SourceRefusedException(refused.getMessage());
        };
    }

    private Rendition renderInSlot(Original original, RenderSpec spec) {
        java.nio.file.Path file = original.file().orElseThrow();
        RenderAdmission.Permit permit;
        try {
            permit = admission.admit(renderer.memoryNeeded(file, original.facts(), spec));
        } catch (RenderBusyException busy) {
            metrics.rendition(RenditionOutcome.BUSY);
            throw busy;
        } catch (IOException e) {
            throw new UncheckedIOException("rendering image " + original.id() + " failed", e);
        }
        long started = System.nanoTime();
        metrics.renderStarted();
        try (permit) {
            return renderer.render(file, original.facts(), spec);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering image " + original.id() + " failed", e);
        } finally {
            metrics.renderEnded(System.nanoTime() - started);
        }
    }
}
