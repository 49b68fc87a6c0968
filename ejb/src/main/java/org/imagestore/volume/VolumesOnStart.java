package org.imagestore.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.imagestore.cluster.ThisNode;
import org.imagestore.placement.Placements;

/**
 * Brings this node's volumes in step with the catalogue when the node starts: removes the blobs of stores that
 * a crash cut off between moving their blob into place and committing (their pending marks say which), then
 * counts the bytes each volume holds, against which its configured capacity is enforced.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class VolumesOnStart {

    private static final Logger LOG = Logger.getLogger(VolumesOnStart.class.getName());

    @Inject
    private LocalVolumes volumes;
    @Inject
    private ThisNode node;
    @Inject
    private Placements placements;
    @EJB
    private UnplacedBlobs unplaced;

    // each blob settled in its own transaction, holding only that image's lock
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        for (Volume volume : volumes.all()) {
            List<PendingBlob> interrupted = pendingOn(volume);
            if (!interrupted.isEmpty()) {
                LOG.warning(volume + ": stores interrupted before they committed: " + interrupted.size()
                        + "; removing their blobs unless the catalogue has them");
            }
            interrupted.forEach(pending -> unplaced.settle(pending,
                    "no placement of it here committed (its store was cut off, or its image was purged since)"));
        }
        volumes.account(placements.storedBytesByVolume(node.name()));
    }

    private static List<PendingBlob> pendingOn(Volume volume) {
        try {
            return volume.pendingBlobs();
        } catch (IOException e) {
            throw new UncheckedIOException("the pending marks of volume " + volume + " cannot be read", e);
        }
    }
}
