package org.imagestore.support;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A test-only hook for crash windows. With {@code imagestore.faults} naming points (e.g.
 * {@code blob-moved,copy-written}), an upload whose file name starts with {@code fault-<point>} pauses at that
 * point for {@code imagestore.faults.pause-seconds} (default 60), so that a test can kill a node exactly there or
 * change the world around the paused store (a point documented as acting instead, such as
 * {@link Point#COMMIT_REFUSED}, does what it says without a pause). Inert unless the property is set, and even then only for uploads
 * named so: the test store sets it, a production node never does.
 */
@ApplicationScoped
public class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class.getName());

    /** The named points. */
    public enum Point {
        /** A new blob has been moved into place on this node; the store has not committed. */
        BLOB_MOVED,
        /** One copy of an upload is durable on a holder; the others are not written yet. */
        COPY_WRITTEN,
        /**
         * A copy made by repair or levelling is durable on its new holder (marked pending); its placement is not
         * recorded yet. Matched against the name the image was uploaded under.
         */
        COPY_PULLED,
        /**
         * An upload's transaction has done everything and is about to commit: it is made to roll back instead (no
         * pause), as when the database refuses the commit, so that a test sees the FTP adapter learn of it.
         */
        COMMIT_REFUSED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Point of(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    @Inject
    @ConfigProperty(name = "imagestore.faults")
    Optional<String> configured;
    @Inject
    @ConfigProperty(name = "imagestore.faults.pause-seconds", defaultValue = "60")
    long pauseSeconds;

    private final Set<Point> points = EnumSet.noneOf(Point.class);

    @PostConstruct
    void parse() {
        configured.filter(s -> !s.isBlank()).ifPresent(spec -> {
            for (String id : spec.split(",")) {
                points.add(Point.of(id));
            }
            LOG.warning("test fault points are set (imagestore.faults=" + spec + "): never do this in production");
        });
    }

    /** Pauses here if this point is set and the upload's file name asks for it. */
    public void reach(Point point, String fileName) {
        Optional<Duration> pause = pauseAt(point, fileName);
        if (pause.isEmpty()) {
            return;
        }
        LOG.warning("fault point " + point.id() + " reached by " + fileName + ": pausing " + pause.get().toSeconds() + " s");
        try {
            Thread.sleep(pause.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * As {@link #reach(Point, String)}, for a point that is not passed by an upload: the name is looked up only
     * when the point is set.
     */
    public void reach(Point point, Supplier<Optional<String>> fileName) {
        if (points.contains(point)) {
            fileName.get().ifPresent(name -> reach(point, name));
        }
    }

    /** True if this point is set and the upload's file name asks for it: for points that act instead of pausing. */
    public boolean isReached(Point point, String fileName) {
        return points.contains(point) && fileName.startsWith("fault-" + point.id());
    }

    Optional<Duration> pauseAt(Point point, String fileName) {
        return isReached(point, fileName) ? Optional.of(Duration.ofSeconds(pauseSeconds)) : Optional.empty();
    }
}
