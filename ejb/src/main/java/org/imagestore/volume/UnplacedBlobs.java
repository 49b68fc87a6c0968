package org.imagestore.volume;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.cluster.ThisNode;
import org.imagestore.image.ImageId;
import org.imagestore.placement.Placements;

/**
 * Keeps blobs and placements in step when a store fails after its blob was moved into place. Every store of
 * an image id holds that id's lock until its transaction ends, so a store of identical bytes waits for the
 * failed one; the clean-up takes the same lock and deletes the blob only if no committed placement uses it.
 */
@Stateless
public class UnplacedBlobs {

    private static final Logger LOG = Logger.getLogger(UnplacedBlobs.class.getName());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Placements placements;
    @Inject
    private ThisNode node;
    @Inject
    private LocalVolumes volumes;

    /** Takes the image id's lock for the rest of the caller's transaction. */
    public void lock(ImageId id) {
        // wrapped in a select of a constant: the function returns "void", which has no JDBC mapping
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?)) locked").setParameter(1, lockKey(id)).getSingleResult();
    }

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
        lock(id);
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

    /** The first 8 bytes of the digest: as good as random, and the same for the same image on every node. */
    static long lockKey(ImageId id) {
        long key = 0;
        for (int i = 0; i < 12; i++) { // 12 base32 characters = 60 bits
            char c = id.value().charAt(i);
            key = (key << 5) | (c >= 'a' ? c - 'a' : c - '2' + 26);
        }
        return key;
    }
}
