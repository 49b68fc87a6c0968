package org.imagestore.purge;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.imagestore.cluster.ThisNode;
import org.imagestore.delivery.Originals;
import org.imagestore.delivery.RenditionCache;
import org.imagestore.delivery.UnknownImageException;
import org.imagestore.image.ImageCatalogue;
import org.imagestore.image.ImageId;
import org.imagestore.image.ImageLocks;
import org.imagestore.placement.Placement;
import org.imagestore.placement.Placements;
import org.imagestore.replication.BlobRemovals;
import org.imagestore.replication.NodeClient;
import org.imagestore.upload.SourceTree;

/**
 * Purges an image: its uploads leave their sources' trees (the indexer is told), its catalogue rows go, and the
 * removal of every copy is recorded in the same transaction. Only once that has committed are the copies deleted
 * (on nodes that are down, when they are back), so a failed purge never leaves rows without bytes, and no copy
 * outlives its image anywhere.
 */
@Stateless
public class ImagePurge {

    private static final Logger LOG = Logger.getLogger(ImagePurge.class.getName());

    @Inject
    private ImageCatalogue images;
    @Inject
    private SourceTree tree;
    @Inject
    private Placements placements;
    @Inject
    private ImageLocks locks;
    @Inject
    private BlobRemovals removals;
    @Inject
    private NodeClient nodes;
    @Inject
    private Originals originals;
    @Inject
    private RenditionCache renditions;
    @Inject
    private ThisNode node;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    public void purge(ImageId id) {
        locks.lock(id);
        images.find(id).orElseThrow(() -> new UnknownImageException(id));
        tree.removeAll(id, "purged by an administrator");
        List<Placement> copies = placements.of(id);
        images.remove(id);
        copies.forEach(copy -> removals.request(id, copy.node(), "image purged"));
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    deleteCopies(id, copies);
                }
            }
        });
    }

    private void deleteCopies(ImageId id, List<Placement> copies) {
        originals.forget(id);
        renditions.forgetImage(id);
        for (Placement copy : copies) {
            if (copy.node().equals(node.name())) {
                removals.carryOutLater(id);
            } else {
                nodes.removeAsync(copy.node(), id); // a node that is down does it when it is back
            }
        }
        LOG.info("image " + id + " purged; its copies on " + copies.stream().map(Placement::node).toList() + " go");
    }
}
