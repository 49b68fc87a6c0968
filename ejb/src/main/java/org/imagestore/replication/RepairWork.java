package org.imagestore.replication;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.image.ImageId;
import org.imagestore.image.ImageLocks;

/** The catalogue side of the repair: which groups to look at, which copies exist, and surplus copies dropped. */
@Stateless
public class RepairWork {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private ImageLocks locks;
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

    /**
     * Up to {@code max} images of the group after {@code afterId}, in byte order of their ids, with the nodes holding
     * copies. The group is a range of the prefix index's byte-wise operators: a {@code like ?} pattern is not known
     * when PostgreSQL plans the prepared statement once for every call, and that generic plan walked the whole
     * primary key, every time.
     */
    public List<ImageCopies> copiesIn(String group, String afterId, int max) {
        String groupEnd = group.substring(0, group.length() - 1) + (char) (group.charAt(group.length() - 1) + 1);
        List<?> rows = em.createNativeQuery("""
                        select i.id, i.bytes, string_agg(p.node, ',') from image i left join placement p on p.image_id = i.id
                        where i.id ~>=~ ? and i.id ~<~ ? and i.id ~>~ ?
                        group by i.id order by i.id collate "C" limit ?""")
                .setParameter(1, group).setParameter(2, groupEnd).setParameter(3, afterId).setParameter(4, max)
                .getResultList();
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
