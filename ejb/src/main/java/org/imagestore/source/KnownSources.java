package org.imagestore.source;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.imagestore.cluster.ClusterCaches;
import org.imagestore.cluster.ClusterMemo;

/**
 * Source accounts by name, from memory: every FTP command names its source, and a catalogue query for it was a
 * tenth of an upload's CPU (bench/results/profiles). An account is read once and kept until a source is created or
 * changed anywhere in the cluster ({@link SourcesChanged}); the node that changed it has told every node before
 * the change is answered, so a source disabled while its session is open can do nothing more from then on.
 * Unknown names are not remembered.
 */
@ApplicationScoped
public class KnownSources {

    @EJB
    private ClusterCaches caches;
    @Inject
    private SourceAccounts accounts;

    private ClusterMemo<Map<String, Source>> known;

    @PostConstruct
    void start() {
        known = new ClusterMemo<>(caches.clusterState(), "sources", Duration.ofSeconds(30), ConcurrentHashMap::new);
    }

    /** The account with that name, enabled or not (detached: read it, do not change it). */
    public Optional<Source> find(String name) {
        Map<String, Source> byName = known.get();
        Source source = byName.get(name);
        if (source == null) {
            Optional<Source> read = accounts.findDetached(name);
            read.ifPresent(found -> byName.put(name, found));
            return read;
        }
        return Optional.of(source);
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourcesChanged change) {
        known.changed();
    }
}
