package org.imagestore.replication;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.image.ImageId;
import org.imagestore.volume.UnplacedBlobs;

/** The catalogue side of the repair: which groups to look at, which copies exist, and surplus copies dropped. */
@Stateless
public class RepairWork {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private UnplacedBlobs locks;
    @Inject
    private BlobRemovals removals;

    /** An image and the nodes that have a copy of it. */
    public record ImageCopies(ImageId id, long bytes, Set<String> nodes) {
    }

    @SuppressWarnings("unchecked")
    public List<String> markedGroups(int max) {
        return em.createNativeQuery("select grp from group_repair order by marked_at, grp limit ?")
                .setParameter(1, max).getResultList();
    }

    public long markedGroupCount() {
        return ((Number) em.createNativeQuery("select count(*) from group_repair").getSingleResult()).longValue();
    }

    public void unmark(String group) {
        em.createNativeQuery("delete from group_repair where grp = ?").setParameter(1, group).executeUpdate();
    }

    /** Marks every group a node holds or has copies of (it came back, or went away). */
    public void markGroupsOf(String node, int groupChars) {
        em.createNativeQuery("""
                        insert into group_repair (grp)
                        select grp from group_holder where node = ?
                        union select distinct left(image_id, ?) from placement where node = ?
                        on conflict do nothing""")
                .setParameter(1, node).setParameter(2, groupChars).setParameter(3, node).executeUpdate();
    }

    /** Up to {@code max} images of the group after {@code afterId}, in id order, with the nodes holding copies. */
    public List<ImageCopies> copiesIn(String group, String afterId, int max) {
        List<?> rows = em.createNativeQuery("""
                        select i.id, i.bytes, string_agg(p.node, ',') from image i left join placement p on p.image_id = i.id
                        where i.id like ? and i.id > ? group by i.id order by i.id limit ?""")
                .setParameter(1, group + "%").setParameter(2, afterId).setParameter(3, max).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new ImageCopies(new ImageId((String) r[0]), ((Number) r[1]).longValue(),
                        r[2] == null ? Set.of() : Set.copyOf(Arrays.asList(((String) r[2]).split(",")))))
                .toList();
    }

    /**
     * Drops a copy that is not on a holder, once every holder has one (checked again under the image's lock):
     * its placement goes and the node is asked to delete the blob.
     *
     * @return whether it was dropped
     */
    public boolean dropSurplus(ImageId id, String node, List<String> holders, String reason) {
        locks.lock(id);
        long onHolders = ((Number) em.createNativeQuery(
                        "select count(*) from placement where image_id = ? and node = any(string_to_array(?, ','))")
                .setParameter(1, id.value()).setParameter(2, String.join(",", holders)).getSingleResult()).longValue();
        if (onHolders < holders.size()) {
            return false;
        }
        em.createNativeQuery("delete from placement where image_id = ? and node = ?")
                .setParameter(1, id.value()).setParameter(2, node).executeUpdate();
        removals.request(id, node, reason);
        return true;
    }
}
