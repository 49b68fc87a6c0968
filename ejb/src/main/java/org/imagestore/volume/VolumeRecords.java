package org.imagestore.volume;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Every node's volumes in the catalogue ({@code node_volume}): each node reports its own with its heartbeat, so
 * that any node can show them all and an operator can ask for one to be emptied through any node.
 */
@Stateless
public class VolumeRecords {

    @PersistenceContext
    private EntityManager em;

    /** Records this node's volumes as they are now; volumes no longer configured are forgotten. */
    public void publish(String node, List<Volume> volumes) {
        for (Volume volume : volumes) {
            em.createNativeQuery("""
                            insert into node_volume (node, volume, path, capacity_bytes, used_bytes) values (?, ?, ?, ?, ?)
                            on conflict (node, volume) do update set path = excluded.path,
                                capacity_bytes = excluded.capacity_bytes, used_bytes = excluded.used_bytes, seen_at = now()""")
                    .setParameter(1, node).setParameter(2, volume.id()).setParameter(3, volume.root().toString())
                    .setParameter(4, volume.capacityBytes()).setParameter(5, volume.usedBytes()).executeUpdate();
        }
        em.createNativeQuery("delete from node_volume where node = ? and not (volume = any(string_to_array(?, ',')))")
                .setParameter(1, node).setParameter(2, volumes.stream().map(Volume::id).collect(Collectors.joining(",")))
                .executeUpdate();
    }

    /** Every node's volumes, by node and path. */
    public List<VolumeRecord> all() {
        return records("select node, volume, path, capacity_bytes, used_bytes, draining from node_volume order by node, path", null);
    }

    public List<VolumeRecord> of(String node) {
        return records("""
                select node, volume, path, capacity_bytes, used_bytes, draining from node_volume where node = ?
                order by path""", node);
    }

    /** The ids of the node's volumes that are being emptied. */
    public Set<String> drainingOn(String node) {
        return of(node).stream().filter(VolumeRecord::draining).map(VolumeRecord::volume).collect(Collectors.toSet());
    }

    /** Starts or stops emptying a volume; false if the node has no such volume. */
    public boolean setDraining(String node, String volume, boolean draining) {
        return em.createNativeQuery("update node_volume set draining = ? where node = ? and volume = ?")
                .setParameter(1, draining).setParameter(2, node).setParameter(3, volume).executeUpdate() > 0;
    }

    /** Forgets a node's volumes (the node is being removed). */
    public void forget(String node) {
        em.createNativeQuery("delete from node_volume where node = ?").setParameter(1, node).executeUpdate();
    }

    private List<VolumeRecord> records(String sql, String node) {
        var query = em.createNativeQuery(sql);
        if (node != null) {
            query.setParameter(1, node);
        }
        return ((List<?>) query.getResultList()).stream().map(r -> (Object[]) r)
                .map(r -> new VolumeRecord((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(), (Boolean) r[5]))
                .toList();
    }
}
