package org.imagestore.replication;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.cluster.ThisNode;
import org.imagestore.image.ImageId;
import org.imagestore.image.ImageLocks;
import org.imagestore.placement.Placements;
import org.imagestore.volume.LocalVolumes;
import org.imagestore.volume.Volume;

/**
 * Copies a node must delete: requested in the catalogue (with the change that makes them surplus: a purge, a
 * copy that went home) and carried out by that node, at once if it is up, or when it is back.
 */
@Stateless
public class BlobRemovals {

    private static final Logger LOG = Logger.getLogger(BlobRemovals.class.getName());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private ImageLocks locks;
    @Inject
    private Placements placements;
    @Inject
    private LocalVolumes volumes;
    @Inject
    private ThisNode node;

    public void request(ImageId id, String onNode, String reason) {
        em.createNativeQuery("""
                        insert into blob_removal (image_id, node, reason) values (?, ?, ?)
                        on conflict (image_id, node) do update set reason = excluded.reason""")
                .setParameter(1, id.value()).setParameter(2, onNode).setParameter(3, reason).executeUpdate();
    }

    /** This node's removals still to do, oldest first. */
    public List<ImageId> waitingHere(int max) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery(
                        "select image_id from blob_removal where node = ? order by requested_at limit ?")
                .setParameter(1, node.name()).setParameter(2, max).getResultList();
        return ids.stream().map(ImageId::new).toList();
    }

    /** As {@link #carryOut}, soon, in a transaction of its own. */
    @Asynchronous
    public void carryOutLater(ImageId id) {
        carryOut(id);
    }

    /**
     * Deletes this node's copy of the image, unless a placement here says it is wanted again (the same bytes were
     * uploaded again since the removal was asked for).
     */
    public void carryOut(ImageId id) {
        locks.lock(id);
        List<?> reasons = em.createNativeQuery("select reason from blob_removal where image_id = ? and node = ?")
                .setParameter(1, id.value()).setParameter(2, node.name()).getResultList();
        if (reasons.isEmpty()) {
            return;
        }
        if (placements.on(id, node.name()).isEmpty()) {
            for (Volume volume : volumes.all()) {
                try {
                    if (volume.delete(id)) {
                        LOG.info("image " + id + ": copy on " + node.name() + "/" + volume.id() + " deleted ("
                                + reasons.getFirst() + ")");
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "image " + id + ": copy on " + volume + " not deleted; retried later", e);
                    return;
                }
            }
        }
        em.createNativeQuery("delete from blob_removal where image_id = ? and node = ?")
                .setParameter(1, id.value()).setParameter(2, node.name()).executeUpdate();
    }
}
