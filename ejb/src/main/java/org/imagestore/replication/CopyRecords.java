package org.imagestore.replication;

import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.cluster.ThisNode;
import org.imagestore.image.ImageCatalogue;
import org.imagestore.image.ImageId;
import org.imagestore.image.ImageLocks;
import org.imagestore.placement.Placements;
import org.imagestore.support.Faults;

/** Records copies made outside an upload (repair), under the image's lock so that a purge cannot cross them. */
@Stateless
public class CopyRecords {

    @Inject
    private ImageLocks locks;
    @Inject
    private ImageCatalogue images;
    @Inject
    private Placements placements;
    @Inject
    private ThisNode node;
    @PersistenceContext
    private EntityManager em;

    /** @return false if the image no longer exists (nothing recorded) */
    public boolean recordCopy(ImageId id, String volume) {
        locks.lock(id);
        if (images.find(id).isEmpty()) {
            return false;
        }
        placements.recordIfAbsent(id, Map.of(node.name(), volume));
        return true;
    }

    /** A name the image was uploaded under (for the test fault hook: {@link Faults.Point#COPY_PULLED}). */
    public Optional<String> anUploadNameOf(ImageId id) {
        return em.createNativeQuery("select name from upload where image_id = ? limit 1", String.class)
                .setParameter(1, id.value()).getResultStream().findFirst().map(String.class::cast);
    }
}
