package org.imagestore.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.imagestore.publishing.OutboxRelay;
import org.imagestore.publishing.OutboxRelay.Backlog;
import org.imagestore.volume.LocalVolumes;

/** The node's gauges, gathered in one place for {@code /health}, {@code /metrics} and the cluster's view of the node. */
@ApplicationScoped
public class NodeReadings {

    private static final Logger LOG = Logger.getLogger(NodeReadings.class.getName());

    /** One volume: what it may hold, what it holds, and whether it can be written. */
    public record VolumeReading(String id, Path root, long capacityBytes, long usedBytes, double usedFraction,
                                boolean writable) {
    }

    /** Everything read at one moment; the outbox backlog is absent when the catalogue cannot be read. */
    public record Readings(List<VolumeReading> volumes, Optional<Backlog> outbox) {
    }

    @Inject
    private LocalVolumes volumes;
    @Inject
    private OutboxRelay outbox;

    public Readings take() {
        return new Readings(volumes(), backlog());
    }

    public List<VolumeReading> volumes() {
        return volumes.all().stream().map(v -> new VolumeReading(v.id(), v.root(), v.capacityBytes(), v.usedBytes(),
                v.usedFraction(), Files.isDirectory(v.root()) && Files.isWritable(v.root()))).toList();
    }

    private Optional<Backlog> backlog() {
        try {
            return Optional.of(outbox.backlog());
        } catch (PersistenceException | jakarta.ejb.EJBException e) {
            LOG.log(Level.FINE, "outbox backlog unreadable", e);
            return Optional.empty();
        }
    }
}
