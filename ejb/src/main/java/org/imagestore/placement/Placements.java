package org.imagestore.placement;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.image.ImageId;

/** Placement rows. */
@Stateless
public class Placements {

    @PersistenceContext
    private EntityManager em;

    /** Records the image's copies on the given nodes (volume by node), those not recorded yet, in one statement. */
    public void recordIfAbsent(ImageId image, Map<String, String> volumeByNode) {
        if (volumeByNode.isEmpty()) {
            return;
        }
        var insert = em.createNativeQuery("insert into placement (image_id, node, volume) values "
                + String.join(", ", Collections.nCopies(volumeByNode.size(), "(?, ?, ?)")) + " on conflict do nothing");
        int position = 1;
        for (Map.Entry<String, String> copy : volumeByNode.entrySet()) {
            insert.setParameter(position++, image.value()).setParameter(position++, copy.getKey())
                    .setParameter(position++, copy.getValue());
        }
        insert.executeUpdate();
    }

    public List<Placement> of(ImageId image) {
        return em.createQuery("select p from Placement p where p.imageId = :image order by p.storedAt", Placement.class)
                .setParameter("image", image.value()).getResultList();
    }

    public Optional<Placement> on(ImageId image, String node) {
        return Optional.ofNullable(em.find(Placement.class, new Placement.Key(image.value(), node)));
    }

    /** Bytes of the blobs each volume of {@code node} holds, by volume id. */
    public Map<String, Long> storedBytesByVolume(String node) {
        List<?> rows = em.createNativeQuery("""
                        select p.volume, coalesce(sum(i.bytes), 0)
                        from placement p join image i on i.id = p.image_id
                        where p.node = ? group by p.volume""")
                .setParameter(1, node).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }
}
