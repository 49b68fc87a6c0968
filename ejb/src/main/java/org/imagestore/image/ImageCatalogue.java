package org.imagestore.image;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.imaging.ImageFacts;

/** The images the store holds. */
@Stateless
public class ImageCatalogue {

    @PersistenceContext
    private EntityManager em;

    public Optional<Image> find(ImageId id) {
        return Optional.ofNullable(em.find(Image.class, id.value()));
    }

    /**
     * Takes the image's lock (as {@link ImageLocks#lock}) and a shared hold of {@code sharedKey} until the
     * transaction ends, then records the image unless it is known already: one statement, one round trip. Two
     * cameras may send the same bytes at the same moment: the insert tolerates the race instead of failing one of
     * them, and sees an image committed while it waited for the lock.
     *
     * @return whether the image is new (a new image has no placements yet)
     */
    public boolean lockAndRegister(ImageId id, long sharedKey, long bytes, ImageFacts facts) {
        // the values are cast: in a select, unlike in "values", they do not take the columns' types
        return em.createNativeQuery("""
                        with locked as (select pg_advisory_xact_lock(?), pg_advisory_xact_lock_shared(?))
                        insert into image (id, bytes, format, width, height, orientation, captured_at, captured_offset,
                                           camera_make, camera_model, gps_latitude, gps_longitude, gps_altitude)
                        select ?::varchar, ?::bigint, ?::varchar, ?::integer, ?::integer, ?::smallint, ?::timestamp,
                               ?::varchar, ?::varchar, ?::varchar, ?::float8, ?::float8, ?::float8
                        from locked
                        on conflict (id) do nothing""")
                .setParameter(1, ImageLocks.key(id))
                .setParameter(2, sharedKey)
                .setParameter(3, id.value())
                .setParameter(4, bytes)
                .setParameter(5, facts.format().parameterName())
                .setParameter(6, facts.width())
                .setParameter(7, facts.height())
                .setParameter(8, (short) facts.orientation())
                .setParameter(9, facts.captureTime().map(t -> t.local()).orElse(null))
                .setParameter(10, facts.captureTime().flatMap(t -> t.offset()).map(Object::toString).orElse(null))
                .setParameter(11, facts.cameraMake().map(s -> truncate(s, 128)).orElse(null))
                .setParameter(12, facts.cameraModel().map(s -> truncate(s, 128)).orElse(null))
                .setParameter(13, facts.location().map(g -> g.latitude()).orElse(null))
                .setParameter(14, facts.location().map(g -> g.longitude()).orElse(null))
                .setParameter(15, facts.location().flatMap(g -> g.altitude()).orElse(null))
                .executeUpdate() == 1;
    }

    /** Purges the image's catalogue rows (uploads and placements go with it). */
    public boolean remove(ImageId id) {
        return em.createNativeQuery("delete from image where id = ?").setParameter(1, id.value()).executeUpdate() > 0;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
