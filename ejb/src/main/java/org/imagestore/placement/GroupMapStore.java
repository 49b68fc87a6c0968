package org.imagestore.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The group map in the catalogue. Uploads read their group's holders under the map's shared lock and keep it
 * until they commit; a change of the map takes the lock exclusively, so no upload ever commits copies on
 * holders that the map no longer names.
 */
@Stateless
public class GroupMapStore {

    /**
     * The advisory lock key of the map ("map" in ASCII; image locks use keys from image ids): held shared, the map
     * cannot change until the holder's transaction ends (an upload holds it from before it reads the holders).
     */
    public static final long MAP_LOCK = 0x6d6170L;

    @PersistenceContext
    private EntityManager em;

    /** Until the caller's transaction ends, nobody else changes the map or stores an upload. */
    public void lockExclusive() {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?)) locked")
                .setParameter(1, MAP_LOCK).getSingleResult();
    }

    public long version() {
        List<?> rows = em.createNativeQuery("select version from group_map_version").getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.getFirst()).longValue();
    }

    /** The holders of one group, as committed now (for an upload, under the shared lock). */
    public List<String> holdersOf(String group) {
        @SuppressWarnings("unchecked")
        List<String> nodes = em.createNativeQuery("select node from group_holder where grp = ? order by position")
                .setParameter(1, group).getResultList();
        return nodes;
    }

    public GroupMap load(int groupChars) {
        long version = version();
        Map<String, List<String>> holders = new HashMap<>();
        for (Object row : em.createNativeQuery("select grp, node from group_holder order by grp, position").getResultList()) {
            Object[] r = (Object[]) row;
            holders.computeIfAbsent((String) r[0], g -> new ArrayList<>()).add((String) r[1]);
        }
        return new GroupMap(version, groupChars, holders);
    }

    /** Replaces the holders of the given groups and bumps the map's version (caller holds the exclusive lock). */
    public long replace(Map<String, List<String>> changes) {
        for (Map.Entry<String, List<String>> change : changes.entrySet()) {
            em.createNativeQuery("delete from group_holder where grp = ?").setParameter(1, change.getKey()).executeUpdate();
            List<String> nodes = change.getValue();
            for (int position = 0; position < nodes.size(); position++) {
                em.createNativeQuery("insert into group_holder (grp, position, node) values (?, ?, ?)")
                        .setParameter(1, change.getKey()).setParameter(2, (short) position)
                        .setParameter(3, nodes.get(position)).executeUpdate();
            }
        }
        return ((Number) em.createNativeQuery("""
                        with bumped as (insert into group_map_version (id, version) values (1, 1)
                            on conflict (id) do update set version = group_map_version.version + 1 returning version)
                        select version from bumped""").getSingleResult()).longValue();
    }

    /** The groups that hold at least one image. */
    public Set<String> groupsWithImages(int groupChars) {
        @SuppressWarnings("unchecked")
        List<String> groups = em.createNativeQuery("select distinct left(grp, ?) from group_usage where images > 0")
                .setParameter(1, groupChars).getResultList();
        return new HashSet<>(groups);
    }

    /** How many groups wait for the repair (copies to make or to drop). */
    public long groupsMarkedForRepair() {
        return ((Number) em.createNativeQuery("select count(*) from group_repair").getSingleResult()).longValue();
    }

    /** Marks groups whose copies may not match their holders, for the repair to look at. */
    public void markForRepair(Iterable<String> groups) {
        for (String group : groups) {
            em.createNativeQuery("insert into group_repair (grp) values (?) on conflict do nothing")
                    .setParameter(1, group).executeUpdate();
        }
    }
}
