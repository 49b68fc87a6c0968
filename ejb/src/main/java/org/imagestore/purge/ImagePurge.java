package org.imagestore.purge;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
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
import org.imagestore.placement.Placement;
import org.imagestore.placement.Placements;
import org.imagestore.upload.SourceTree;
import org.imagestore.volume.LocalVolumes;

/**
 * Purges an image: its uploads leave their sources' trees (the indexer is told), its catalogue rows go, and
 * only once that has committed are the blobs deleted, so a failed purge never leaves rows without bytes.
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
    private LocalVolumes volumes;
    @Inject
    private Originals originals;
    @Inject
    private RenditionCache renditions;
    @Inject
    private ThisNode node;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    public void purge(ImageId id) {
        images.find(id).orElseThrow(() -> new UnknownImageException(id));
        tree.removeAll(id, "purged by an administrator");
        List<Placement> copies = placements.of(id);
        images.remove(id);
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
        renditions.forgetImage(id.value());
        for (Placement copy : copies) {
            if (!copy.node().equals(node.name())) {
                continue; // other nodes' copies: reconciled by the cluster (orphans without catalogue rows)
            }
            volumes.byId(copy.volume()).ifPresent(volume -> {
                try {
                    volume.delete(id);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "purged image " + id + ": its blob on " + volume + " could not be deleted", e);
                }
            });
        }
        LOG.info("image " + id + " purged");
    }
}
