package org.imagestore.replication;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.imagestore.image.ImageId;
import org.imagestore.volume.LocalVolumes;
import org.imagestore.volume.PendingBlob;
import org.imagestore.volume.UnplacedBlobs;
import org.imagestore.volume.Volume;

/**
 * Every node's own clean-up, every 15 s: copies whose store ended without telling this node (the storing node
 * died, or its message was lost) are kept or deleted by what the catalogue says; half-received copies are
 * deleted; removals the catalogue asks of this node are carried out (also those asked while it was down).
 */
@Singleton
// made at deployment, not by its first timer: a singleton first made while the application stops breaks
// Payara's undeploy (ConcurrentModificationException in SingletonLifeCycleManager, seen in CI)
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());
    /** A store that has not ended after this long has died (or waits on a lock, which settling also waits on). */
    static final Duration PENDING_AGE = Duration.ofSeconds(45);
    private static final Duration INCOMING_AGE = Duration.ofMinutes(10);

    @Inject
    private LocalVolumes volumes;
    @Inject
    private UnplacedBlobs unplaced;
    @Inject
    private BlobRemovals removals;

    private volatile boolean running;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (running) {
            return; // the previous sweep is still at it
        }
        running = true;
        try {
            settleOldPendingCopies();
            carryOutRemovals();
        } finally {
            running = false;
        }
    }

    private void settleOldPendingCopies() {
        Instant before = Instant.now().minus(PENDING_AGE);
        for (Volume volume : volumes.all()) {
            try {
                for (PendingBlob pending : volume.pendingBlobs()) {
                    if (pending.madeBefore(before)) {
                        unplaced.settle(pending, "its store ended without a word to this node");
                    }
                }
                int stale = volume.removeStaleIncoming(INCOMING_AGE);
                if (stale > 0) {
                    LOG.info(volume + ": " + stale + " copies that stopped arriving removed");
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "sweeping " + volume + " failed; next time", e);
            }
        }
    }

    private void carryOutRemovals() {
        try {
            for (ImageId id : removals.waitingHere(500)) {
                removals.carryOut(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "carrying out copy removals failed; next time", e);
        }
    }
}
