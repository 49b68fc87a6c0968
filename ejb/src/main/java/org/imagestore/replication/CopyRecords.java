package org.imagestore.replication;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.imagestore.cluster.ThisNode;
import org.imagestore.image.ImageCatalogue;
import org.imagestore.image.ImageId;
import org.imagestore.placement.Placements;
import org.imagestore.volume.UnplacedBlobs;

/** Records copies made outside an upload (repair), under the image's lock so that a purge cannot cross them. */
@Stateless
public class CopyRecords {

    @Inject
    private UnplacedBlobs locks;
    @Inject
    private ImageCatalogue images;
    @Inject
    private Placements placements;
    @Inject
    private ThisNode node;

    /** @return false if the image no longer exists (nothing recorded) */
    public boolean recordCopy(ImageId id, String volume) {
        locks.lock(id);
        if (images.find(id).isEmpty()) {
            return false;
        }
        placements.recordIfAbsent(id, node.name(), volume);
        return true;
    }
}
