package org.imagestore.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * One lock per image id, held until the caller's transaction ends (a PostgreSQL advisory lock, so every node
 * takes the same one): whatever stores, copies, moves, removes or purges an image's blobs and placements holds
 * it, and so never meets a half-done change of another.
 * <p>
 * A CDI bean rather than an EJB, like {@link org.imagestore.publishing.Outbox}: only EJBs of this module may
 * call it, inside their transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ImageLocks {

    @PersistenceContext
    private EntityManager em;

    /** Takes the image id's lock for the rest of the caller's transaction, waiting for its holder if need be. */
    public void lock(ImageId id) {
        // wrapped in a select of a constant: the function returns "void", which has no JDBC mapping
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?)) locked").setParameter(1, key(id))
                .getSingleResult();
    }

    /** The first 8 bytes of the digest: as good as random, and the same for the same image on every node. */
    static long key(ImageId id) {
        long key = 0;
        for (int i = 0; i < 12; i++) { // 12 base32 characters = 60 bits
            char c = id.value().charAt(i);
            key = (key << 5) | (c >= 'a' ? c - 'a' : c - '2' + 26);
        }
        return key;
    }
}
