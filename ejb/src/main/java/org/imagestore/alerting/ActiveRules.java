package org.imagestore.alerting;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.imagestore.cluster.ClusterCaches;
import org.imagestore.cluster.ClusterMemo;

/**
 * The enabled image rules, kept in memory so that an upload is matched without a catalogue read; a change anywhere
 * in the cluster reaches every node through a {@link ClusterMemo} (at the latest after 30 s).
 */
@ApplicationScoped
public class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class.getName());

    @EJB
    private ClusterCaches caches;
    @Inject
    private AlertRules store;

    private ClusterMemo<List<ImageRule>> rules;

    @PostConstruct
    void start() {
        rules = new ClusterMemo<>(caches.clusterState(), "alert-rules", Duration.ofSeconds(30), this::load);
    }

    /** The image rules that are enabled now. */
    List<ImageRule> imageRules() {
        return rules.get();
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
        rules.changed();
    }
}
