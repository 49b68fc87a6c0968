package org.imagestore.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The store's counters, each behind a typed method: the Prometheus series names live here and nowhere else.
 * Counting is a {@link LongAdder} increment, cheap enough for the upload and image paths.
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

    /** One counter's current value: its family, its labels in exposition form ({@code a="b",c="d"} or empty). */
    public record Sample(String family, String labels, long value) {

        public String series() {
            return labels.isEmpty() ? family : family + "{" + labels + "}";
        }
    }

    private static final String UPLOADS = "imagestore_uploads_total";
    private static final String UPLOAD_BYTES = "imagestore_upload_bytes_total";
    private static final String IMAGE_RESPONSES = "imagestore_http_image_responses_total";
    private static final String IMAGE_BYTES = "imagestore_http_image_bytes_total";
    private static final String RENDITIONS = "imagestore_renditions_total";
    private static final String RENDER_MILLIS = "imagestore_render_milliseconds_total";
    private static final String LOGINS = "imagestore_logins_total";
    private static final String ALERTS = "imagestore_alerts_fired_total";
    private static final String WEBHOOK_CALLS = "imagestore_alert_webhook_calls_total";

    private final Map<SeriesKey, LongAdder> counters = new ConcurrentHashMap<>();
    private final AtomicInteger uploadsInFlight = new AtomicInteger();
    private final AtomicInteger rendersInFlight = new AtomicInteger();

    /** An upload's store begins; call {@link #uploadEnded()} when it ends, however it ends. */
    public void uploadStarted() {
        uploadsInFlight.incrementAndGet();
    }

    public void uploadEnded() {
        uploadsInFlight.decrementAndGet();
    }

    public void renderStarted() {
        rendersInFlight.incrementAndGet();
    }

    public void renderEnded() {
        rendersInFlight.decrementAndGet();
    }

    public int uploadsInFlight() {
        return uploadsInFlight.get();
    }

    public int rendersInFlight() {
        return rendersInFlight.get();
    }

    public void uploadStored(long bytes) {
        add(UPLOADS, "outcome=\"stored\"", 1);
        add(UPLOAD_BYTES, "", bytes);
    }

    public void uploadRefused(UploadRefusal reason) {
        add(UPLOADS, "outcome=\"refused\",reason=\"" + reason.label() + "\"", 1);
    }

    public void imageServed(Served kind, int status, long bytes) {
        add(IMAGE_RESPONSES, "kind=\"" + kind.label() + "\",status=\"" + status + "\"", 1);
        add(IMAGE_BYTES, "kind=\"" + kind.label() + "\"", bytes);
    }

    public void rendition(RenditionOutcome outcome) {
        add(RENDITIONS, "result=\"" + outcome.label() + "\"", 1);
    }

    /** A login through {@code realm} ({@code ftp}, {@code admin}): accepted, refused, or locked out unchecked. */
    public void login(String realm, LoginOutcome outcome) {
        add(LOGINS, "realm=\"" + realm + "\",outcome=\"" + outcome.label() + "\"", 1);
    }

    /** An alert rule fired ({@code image} or {@code silence}); counted once its firing is committed. */
    public void alertFired(String kind) {
        add(ALERTS, "kind=\"" + kind + "\"", 1);
    }

    /** A webhook call of a firing: {@code delivered}, {@code failed} (to be retried) or {@code gave_up}. */
    public void webhookCall(String outcome) {
        add(WEBHOOK_CALLS, "outcome=\"" + outcome + "\"", 1);
    }

    public void renderTime(long millis) {
        add(RENDER_MILLIS, "", millis);
    }

    /** Every counter, sorted by family then labels, so that a family's samples are adjacent. */
    public List<Sample> snapshot() {
        List<Sample> samples = new ArrayList<>(counters.size());
        counters.forEach((key, adder) -> samples.add(new Sample(key.family(), key.labels(), adder.sum())));
        samples.sort((a, b) -> a.series().compareTo(b.series()));
        return samples;
    }

    private void add(String family, String labels, long amount) {
        counters.computeIfAbsent(new SeriesKey(family, labels), k -> new LongAdder()).add(amount);
    }

    private record SeriesKey(String family, String labels) {
    }
}
