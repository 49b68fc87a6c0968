package org.imagestore.volume;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.cluster.ThisNode;
import org.imagestore.image.ImageId;
import org.imagestore.support.CopyPace;

/**
 * Empties the volumes of this node that an operator is draining (a disk to be replaced): every few seconds it
 * moves copies placed on them to the node's other volumes, one at a time under the repair's byte rate. Each copy
 * is written to the other volume, fsync'd and checked against its id before the placement moves (in one
 * transaction, under the image's lock), and deleted from the drained volume only after that commits; a crash in
 * between leaves two good copies, and the next run finishes the move. New blobs never go to a draining volume.
 */
@Singleton
// made at deployment, not by its first timer: a singleton first made while the application stops breaks
// Payara's undeploy (ConcurrentModificationException in SingletonLifeCycleManager, seen in CI)
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class VolumeDrainer {

    private static final Logger LOG = Logger.getLogger(VolumeDrainer.class.getName());
    private static final int COPIES_PER_RUN = 200;

    @Inject
    private LocalVolumes volumes;
    @Inject
    private VolumeRecords records;
    @Inject
    private VolumeMove move;
    @Inject
    private ThisNode node;
    @Inject
    @ConfigProperty(name = "imagestore.repair.max-mb-per-second", defaultValue = "50")
    double maxMegabytesPerSecond;

    private CopyPace pace;
    private volatile boolean running;
    /** Volumes reported empty or stuck, so that the log says it once. */
    private final Set<String> reported = new HashSet<>();
    private boolean warnedEveryVolume;

    @PostConstruct
    void createPace() {
        pace = new CopyPace(maxMegabytesPerSecond);
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        if (running) {
            return;
        }
        running = true;
        try {
            Set<String> draining = records.drainingOn(node.name());
            volumes.drainOnly(draining);
            reported.retainAll(draining);
            boolean everyVolume = !draining.isEmpty() && volumes.all().stream().allMatch(v -> draining.contains(v.id()));
            if (everyVolume) {
                if (!warnedEveryVolume) {
                    warnedEveryVolume = true;
                    LOG.warning("every volume of " + node.name() + " is marked for emptying (the others were taken out"
                            + " of imagestore.volumes?): nothing moves, new copies still go there");
                }
                return;
            }
            warnedEveryVolume = false;
            for (Volume volume : volumes.all()) {
                if (draining.contains(volume.id())) {
                    drain(volume);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "emptying volumes failed; the next run starts over from the catalogue", e);
        } finally {
            running = false;
        }
    }

    private void drain(Volume from) {
        List<VolumeMove.Placed> page = move.placedOn(from.id(), COPIES_PER_RUN);
        if (page.isEmpty()) {
            removeDuplicates(from);
            return;
        }
        for (VolumeMove.Placed image : page) {
            Volume to;
            try {
                to = volumes.forNewBlob(image.bytes());
            } catch (VolumeFullException e) {
                if (reported.add(from.id())) {
                    LOG.warning("volume " + from + " cannot be emptied: no other volume of " + node.name()
                            + " has room (" + e.getMessage() + "); add a volume or drain the node instead");
                }
                return;
            }
            if (moveCopy(image.id(), from, to)) {
                pace.pace(image.bytes());
            }
        }
    }

    private boolean moveCopy(ImageId id, Volume from, Volume to) {
        Optional<Path> source = from.find(id);
        if (source.isEmpty()) {
            LOG.warning("image " + id + ": placed on volume " + from + " of " + node.name() + " but its file is missing");
            return false;
        }
        try {
            try (InputStream in = Files.newInputStream(source.get())) {
                to.adopt(to.receive(in, id), id);
            }
            if (move.repoint(id, from, to)) {
                from.delete(id);
                LOG.fine(() -> "image " + id + ": copy moved from volume " + from + " to " + to + " (emptying " + from + ")");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "image " + id + ": copy not moved from volume " + from + " to " + to
                    + "; the next run tries again", e);
            return false;
        }
    }

    /** Once nothing is placed on the volume: deletes what a crash between a move's commit and delete left. */
    private void removeDuplicates(Volume from) {
        try {
            List<ImageId> left = from.blobIds(COPIES_PER_RUN);
            for (ImageId id : left) {
                move.deleteIfPlacedElsewhere(id, from);
            }
            if (from.blobIds(1).isEmpty() && reported.add(from.id())) {
                LOG.info("volume " + from + " of " + node.name() + " is empty: it can be taken out of imagestore.volumes");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "volume " + from + " could not be listed", e);
        }
    }
}
