package org.imagestore.volume;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.imagestore.cluster.ThisNode;
import org.imagestore.image.ImageId;
import org.imagestore.image.ImageLocks;
import org.imagestore.placement.Placements;

/**
 * Keeps blobs and placements in step when a store fails after its blob was moved into place. Every store of
 * an image id holds that id's lock ({@link ImageLocks}) until its transaction ends, so a store of identical
 * bytes waits for the failed one; the clean-up takes the same lock and deletes the blob only if no committed
 * placement uses it.
 */
@Stateless
public class UnplacedBlobs {

    private static final Logger LOG = Logger.getLogger(UnplacedBlobs.class.getName());

    @Inject
    private ImageLocks locks;
    @Inject
    private Placements placements;
    @Inject
    private ThisNode node;
    @Inject
    private LocalVolumes volumes;

    /**
     * After a store that did not commit (rolled back, or cut off by a crash): deletes the blob it moved into
     * place, unless a committed placement uses it, then the blob's pending mark.
     */
    @Asynchronous
    public void removeIfUnplaced(PendingBlob pending, String why) {
        settle(pending, why);
    }

    /** As {@link #removeIfUnplaced}, in the caller's thread. */
    public void settle(PendingBlob pending, String why) {
        ImageId id = pending.id();
        locks.lock(id);
        Volume volume = pending.volume();
        try {
            if (placements.on(id, node.name()).isEmpty() && volume.delete(id)) {
                LOG.info("image " + id + ": blob removed from " + volume + ", " + why);
            }
            pending.clear();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "image " + id + ": blob on " + volume + " could not be settled (" + why
                    + "); the next start tries again", e);
        }
    }

    /** Settles every pending mark of this image on this node's volumes (its store has ended). */
    public void settleMarksOf(ImageId id, String why) {
        for (Volume volume : volumes.all()) {
            try {
                for (PendingBlob pending : volume.pendingBlobs()) {
                    if (pending.id().equals(id)) {
                        settle(pending, why);
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "pending marks of " + volume + " unreadable", e);
            }
        }
    }
}
