package org.imagestore.volume;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.cluster.ThisNode;
import org.imagestore.image.ImageId;
import org.imagestore.image.ImageLocks;

/** The catalogue's side of moving this node's copy of an image from one of its volumes to another. */
@Stateless
public class VolumeMove {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private ImageLocks locks;
    @Inject
    private ThisNode node;

    public record Placed(ImageId id, long bytes) {
    }

    /** This node's images placed on the volume, up to {@code max}, with their sizes. */
    public List<Placed> placedOn(String volume, int max) {
        return ((List<?>) em.createNativeQuery("""
                        select p.image_id, i.bytes from placement p join image i on i.id = p.image_id
                        where p.node = ? and p.volume = ? order by p.image_id limit ?""")
                .setParameter(1, node.name()).setParameter(2, volume).setParameter(3, max).getResultList()).stream()
                .map(r -> (Object[]) r).map(r -> new Placed(new ImageId((String) r[0]), ((Number) r[1]).longValue()))
                .toList();
    }

    /** The volume this node's copy of the image is placed on, if it has one. */
    public Optional<String> volumeOf(ImageId id) {
        return ((List<?>) em.createNativeQuery("select volume from placement where image_id = ? and node = ?")
                .setParameter(1, id.value()).setParameter(2, node.name()).getResultList()).stream()
                .map(String.class::cast).findFirst();
    }

    /**
     * With the copy already on {@code to}, moves the placement there, under the image's lock (a purge or removal of
     * this copy, or a new upload of the same bytes, waits or has happened). If the copy is no longer placed on
     * {@code from}, the one just made is deleted unless a placement now names it.
     *
     * @return whether the placement moved: then the copy on {@code from} is to be deleted once this commits
     */
    public boolean repoint(ImageId id, Volume from, Volume to) throws IOException {
        locks.lock(id);
        boolean moved = em.createNativeQuery("update placement set volume = ? where image_id = ? and node = ? and volume = ?")
                .setParameter(1, to.id()).setParameter(2, id.value()).setParameter(3, node.name())
                .setParameter(4, from.id()).executeUpdate() > 0;
        if (!moved && !volumeOf(id).filter(to.id()::equals).isPresent()) {
            to.delete(id);
        }
        return moved;
    }

    /** Deletes the blob on the volume if this node's placement of the image names another volume (a duplicate). */
    public boolean deleteIfPlacedElsewhere(ImageId id, Volume volume) throws IOException {
        locks.lock(id);
        Optional<String> placed = volumeOf(id);
        return placed.isPresent() && !placed.get().equals(volume.id()) && volume.delete(id);
    }
}
