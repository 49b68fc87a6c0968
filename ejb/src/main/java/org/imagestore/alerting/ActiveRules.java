package org.imagestore.alerting;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.imagestore.cluster.ClusterCaches;

/**
 * The enabled image rules, kept in memory so that an upload is matched without a catalogue read. A change anywhere
 * in the cluster publishes a new version in the replicated cluster state once it commits; a node that sees another
 * version than the one it loaded reloads (and at least every {@value #RELOAD_SECONDS} s, whatever it sees).
 */
@ApplicationScoped
public class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class.getName());
    private static final String KEY = "alert-rules";
    private static final long RELOAD_SECONDS = 30;

    private record Loaded(byte[] version, long atNanos, List<ImageRule> rules) {
    }

    @EJB
    private ClusterCaches caches;
    @Inject
    private AlertRules store;

    private volatile Loaded loaded;

    /** The image rules that are enabled now. */
    List<ImageRule> imageRules() {
        byte[] version = caches.clusterState().get(KEY);
        Loaded current = loaded;
        if (current == null || !Arrays.equals(current.version(), version)
                || System.nanoTime() - current.atNanos() > RELOAD_SECONDS * 1_000_000_000L) {
            current = new Loaded(version, System.nanoTime(), load());
            loaded = current;
        }
        return current.rules();
    }

    private List<ImageRule> load() {
        return store.enabledImageRules().stream().<ImageRule>mapMulti((rule, out) -> {
            try {
                out.accept(ImageRule.of(rule));
            } catch (RuntimeException e) { // a rule stored by a newer version, say: it must not stop ingest
                LOG.log(Level.WARNING, "alert rule " + rule.name() + " cannot be used; it is skipped", e);
            }
        }).toList();
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertRulesChanged change) {
        loaded = null;
        caches.clusterState().put(KEY, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    }
}
