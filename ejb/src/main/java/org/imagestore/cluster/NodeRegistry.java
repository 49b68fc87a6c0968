package org.imagestore.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.support.SqlValues;

/** The cluster's settings and nodes in the catalogue. */
@Stateless
public class NodeRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    /** The settings, written by the first node to ask (with R and the grace as configured there), read by every other. */
    public ClusterSettings settings(int replicasIfNew, int graceSecondsIfNew) {
        em.createNativeQuery("""
                        insert into cluster_settings (id, replicas, group_chars, secret, grace_seconds) values (1, ?, 2, ?, ?)
                        on conflict (id) do nothing""")
                .setParameter(1, (short) replicasIfNew)
                .setParameter(2, HexFormat.of().formatHex(RANDOM.generateSeed(32)))
                .setParameter(3, graceSecondsIfNew)
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select replicas, group_chars, secret from cluster_settings")
                .getSingleResult();
        return new ClusterSettings(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), (String) row[2]);
    }

    /** How long a node may be down before its groups get new holders, as it is set now. */
    public int graceSeconds() {
        return ((Number) em.createNativeQuery("select grace_seconds from cluster_settings").getSingleResult()).intValue();
    }

    public void changeGraceSeconds(int seconds) {
        em.createNativeQuery("update cluster_settings set grace_seconds = ?").setParameter(1, seconds).executeUpdate();
    }

    /** Whether the cluster levels itself, and within which tolerance (cluster settings). */
    public record LevellingSettings(boolean enabled, double tolerance) {
    }

    public LevellingSettings levellingSettings() {
        Object[] row = (Object[]) em.createNativeQuery(
                "select levelling_enabled, levelling_tolerance from cluster_settings").getSingleResult();
        return new LevellingSettings((Boolean) row[0], ((Number) row[1]).doubleValue());
    }

    public void changeLevelling(boolean enabled, double tolerance) {
        em.createNativeQuery("update cluster_settings set levelling_enabled = ?, levelling_tolerance = ?")
                .setParameter(1, enabled).setParameter(2, tolerance).executeUpdate();
    }

    /** Who may read upload queries and image metadata: {@code public} or {@code viewer} (cluster settings). */
    public String metadataAccess() {
        return (String) em.createNativeQuery("select metadata_access from cluster_settings").getSingleResult();
    }

    public void changeMetadataAccess(String access) {
        em.createNativeQuery("update cluster_settings set metadata_access = ?").setParameter(1, access).executeUpdate();
    }

    /** Whether the admin API and purges are taken over HTTPS only (cluster settings). */
    public boolean adminHttpsOnly() {
        return (Boolean) em.createNativeQuery("select admin_https_only from cluster_settings").getSingleResult();
    }

    public void changeAdminHttpsOnly(boolean httpsOnly) {
        em.createNativeQuery("update cluster_settings set admin_https_only = ?").setParameter(1, httpsOnly).executeUpdate();
    }

    /** Marks a node draining (levelling moves its groups off) or back in service; false if it is down or unknown. */
    public boolean changeState(String name, String state) {
        return em.createNativeQuery("""
                        update cluster_node set state = ?, state_since = now()
                        where name = ? and state <> 'down' and state <> ?""")
                .setParameter(1, state).setParameter(2, name).setParameter(3, state).executeUpdate() > 0;
    }

    /** Forgets a node that holds nothing (removed by an operator); false if it still holds groups or copies. */
    public boolean forget(String name) {
        long holding = ((Number) em.createNativeQuery("""
                        select (select count(*) from group_holder where node = ?)
                             + (select count(*) from placement where node = ?)""")
                .setParameter(1, name).setParameter(2, name).getSingleResult()).longValue();
        if (holding > 0) {
            return false;
        }
        em.createNativeQuery("delete from blob_removal where node = ?").setParameter(1, name).executeUpdate();
        em.createNativeQuery("delete from node_volume where node = ?").setParameter(1, name).executeUpdate();
        return em.createNativeQuery("delete from cluster_node where name = ?").setParameter(1, name).executeUpdate() > 0;
    }

    /** Records this node as up (a draining node stays draining), with where it is reached and its capacity. */
    public void register(String name, String address, String internalUrl, long capacityBytes, long usedBytes) {
        em.createNativeQuery("""
                        insert into cluster_node (name, address, internal_url, capacity_bytes, used_bytes)
                        values (?, ?, ?, ?, ?)
                        on conflict (name) do update set address = excluded.address, internal_url = excluded.internal_url,
                            capacity_bytes = excluded.capacity_bytes, used_bytes = excluded.used_bytes, seen_at = now(),
                            state = case when cluster_node.state = 'down' then 'up' else cluster_node.state end,
                            state_since = case when cluster_node.state = 'down' then now() else cluster_node.state_since end""")
                .setParameter(1, name).setParameter(2, address).setParameter(3, internalUrl)
                .setParameter(4, capacityBytes).setParameter(5, usedBytes).executeUpdate();
    }

    public void heartbeat(String name, long capacityBytes, long usedBytes) {
        em.createNativeQuery("update cluster_node set capacity_bytes = ?, used_bytes = ?, seen_at = now() where name = ?")
                .setParameter(1, capacityBytes).setParameter(2, usedBytes).setParameter(3, name).executeUpdate();
    }

    /**
     * Brings the recorded states in line with the nodes that are in the cluster's view now.
     *
     * @return the nodes whose state changed
     */
    @SuppressWarnings("unchecked")
    public List<String> observe(Set<String> live) {
        String names = String.join(",", live); // node names hold no commas
        List<String> cameUp = em.createNativeQuery("""
                        with changed as (update cluster_node set state = 'up', state_since = now()
                            where state = 'down' and name = any(string_to_array(?, ',')) returning name)
                        select name from changed""")
                .setParameter(1, names).getResultList();
        List<String> wentDown = em.createNativeQuery("""
                        with changed as (update cluster_node set state = 'down', state_since = now()
                            where state <> 'down' and not (name = any(string_to_array(?, ','))) returning name)
                        select name from changed""")
                .setParameter(1, names).getResultList();
        return java.util.stream.Stream.concat(cameUp.stream(), wentDown.stream()).toList();
    }

    public List<NodeRecord> all() {
        List<?> rows = em.createNativeQuery("""
                        select name, address, internal_url, state, capacity_bytes, used_bytes, state_since, seen_at
                        from cluster_node order by name""").getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new NodeRecord((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        SqlValues.longValue(r[4]), SqlValues.longValue(r[5]), SqlValues.instant(r[6]),
                        SqlValues.instant(r[7])))
                .toList();
    }
}
