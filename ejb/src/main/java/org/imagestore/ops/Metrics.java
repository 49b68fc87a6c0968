package org.imagestore.ops;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The store's metrics (Micrometer, exposed in Prometheus' format by {@code GET /metrics}), each behind a typed
 * method: the series names live here and nowhere else. Latencies are histograms with fixed buckets, so that
 * Prometheus can take quantiles over any set of nodes; the JVM's own metrics (memory, GC, threads, CPU) come with
 * them. Recording is a lock-free increment, cheap enough for the upload and image paths.
 */
@ApplicationScoped
public class Metrics {

    /** Why an upload was refused. */
    public enum UploadRefusal {
        BAD_NAME, NOT_AN_IMAGE, NO_SPACE, IO_ERROR;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What an image URL served. */
    public enum Served {
        ORIGINAL, RENDITION;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a rendition request was answered. */
    public enum RenditionOutcome {
        CACHE_HIT, RENDERED, RENDERED_ELSEWHERE, BUSY;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of a login (FTP or admin API). */
    public enum LoginOutcome {
        ACCEPTED, REFUSED, LOCKED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Duration[] UPLOAD_BUCKETS = millis(2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 30_000);
    private static final Duration[] RENDER_BUCKETS = millis(5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 30_000);
    private static final Duration[] SERVING_BUCKETS = millis(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger uploadsInFlight = registry.gauge("imagestore.uploads.in.flight", new AtomicInteger());
    private final AtomicInteger rendersInFlight = registry.gauge("imagestore.renders.in.flight", new AtomicInteger());
    private final Counter storedBytes = Counter.builder("imagestore.upload.bytes")
            .description("bytes of the uploads stored").register(registry);
    private final Timer uploadTime = Timer.builder("imagestore.upload.duration")
            .description("from the end of an upload's transfer to the store's answer: 226 once durable, or a refusal")
            .serviceLevelObjectives(UPLOAD_BUCKETS).register(registry);
    private final Timer renderTime = Timer.builder("imagestore.render.duration")
            .description("decoding, scaling and encoding one rendition on this node")
            .serviceLevelObjectives(RENDER_BUCKETS).register(registry);
    // the image path's meters by what was served, made once: no builder or registry look-up per response
    private final Map<Served, Counter> servedBytes = new EnumMap<>(Served.class);
    private final Map<Served, Timer> servingTime = new EnumMap<>(Served.class);
    private final Map<Served, Map<Integer, Counter>> responses = new EnumMap<>(Served.class);
    private final Map<RenditionOutcome, Counter> renditions = new EnumMap<>(RenditionOutcome.class);
    private JvmGcMetrics gc;

    public Metrics() {
        // series that may stay at zero for long exist from the start, so that rate() and alerts on them work
        for (String kind : new String[] {"image", "silence"}) {
            registry.counter("imagestore.alerts.fired", "kind", kind);
        }
        for (String outcome : new String[] {"delivered", "failed", "gave_up"}) {
            registry.counter("imagestore.alert.webhook.calls", "outcome", outcome);
        }
        registry.counter("imagestore.uploads", "outcome", "stored");
        for (Served kind : Served.values()) {
            servedBytes.put(kind, Counter.builder("imagestore.http.image.bytes").tag("kind", kind.label())
                    .register(registry));
            servingTime.put(kind, Timer.builder("imagestore.http.image.duration")
                    .description("from the request to the start of the response of an image URL")
                    .tag("kind", kind.label()).serviceLevelObjectives(SERVING_BUCKETS).register(registry));
            responses.put(kind, new ConcurrentHashMap<>());
        }
        for (RenditionOutcome outcome : RenditionOutcome.values()) {
            renditions.put(outcome, registry.counter("imagestore.renditions", "result", outcome.label()));
        }
    }

    /** The JVM's metrics, once the application runs (not in unit tests, which make their own instance). */
    @PostConstruct
    void bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @PreDestroy
    void unbindJvm() {
        if (gc != null) {
            gc.close();
        }
    }

    /** The registry, for gauges read at scrape time and for the scrape itself. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** An upload's store begins; call {@link #uploadEnded(long)} when it ends, however it ends. */
    public void uploadStarted() {
        uploadsInFlight.incrementAndGet();
    }

    /** @param nanos how long the store took, from the end of the transfer to its answer */
    public void uploadEnded(long nanos) {
        uploadsInFlight.decrementAndGet();
        uploadTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void renderStarted() {
        rendersInFlight.incrementAndGet();
    }

    public void renderEnded(long nanos) {
        rendersInFlight.decrementAndGet();
        renderTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    public int uploadsInFlight() {
        return uploadsInFlight.get();
    }

    public int rendersInFlight() {
        return rendersInFlight.get();
    }

    public void uploadStored(long bytes) {
        count("imagestore.uploads", "outcome", "stored");
        storedBytes.increment(bytes);
    }

    public void uploadRefused(UploadRefusal reason) {
        count("imagestore.uploads", "outcome", "refused", "reason", reason.label());
    }

    /** A response of an image URL: what it served, its status, its body's size and how long until it began. */
    public void imageServed(Served kind, int status, long bytes, long nanos) {
        responses.get(kind).computeIfAbsent(status, code -> registry.counter("imagestore.http.image.responses",
                "kind", kind.label(), "status", Integer.toString(code))).increment();
        servedBytes.get(kind).increment(bytes);
        servingTime.get(kind).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void rendition(RenditionOutcome outcome) {
        renditions.get(outcome).increment();
    }

    /** A login through {@code realm} ({@code ftp}, {@code admin}): accepted, refused, or locked out unchecked. */
    public void login(String realm, LoginOutcome outcome) {
        count("imagestore.logins", "realm", realm, "outcome", outcome.label());
    }

    /** An alert rule fired ({@code image} or {@code silence}); counted once its firing is committed. */
    public void alertFired(String kind) {
        count("imagestore.alerts.fired", "kind", kind);
    }

    /** A webhook call of a firing: {@code delivered}, {@code failed} (to be retried) or {@code gave_up}. */
    public void webhookCall(String outcome) {
        count("imagestore.alert.webhook.calls", "outcome", outcome);
    }

    private void count(String name, String... tags) {
        registry.counter(name, tags).increment();
    }

    private static Duration[] millis(long... values) {
        Duration[] buckets = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            buckets[i] = Duration.ofMillis(values[i]);
        }
        return buckets;
    }
}
