package org.imagestore.upload;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.imagestore.image.Image;
import org.imagestore.imaging.ImageFacts;

/**
 * Upload records, newest first, by source and received time, paged with an opaque cursor (keyset paging:
 * each page is one index range scan however deep the client pages).
 */
@Stateless
public class UploadSearch {

    public static final int MAX_LIMIT = 1000;

    @PersistenceContext
    private EntityManager em;

    /** The criteria of a search; {@code to} is exclusive. */
    public record Criteria(Optional<String> source, Optional<Instant> from, Optional<Instant> to, int limit,
                           Optional<Cursor> after) {
    }

    /** Where the previous page ended. */
    public record Cursor(Instant receivedAt, long uploadId) {

        public String encode() {
            String raw = receivedAt.getEpochSecond() + "." + receivedAt.getNano() + ":" + uploadId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        /** @throws IllegalArgumentException when the text is not a cursor this store made */
        public static Cursor decode(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
                int dot = raw.indexOf('.');
                int colon = raw.indexOf(':');
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)),
                        Long.parseLong(raw.substring(dot + 1, colon))), Long.parseLong(raw.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a cursor returned by this store");
            }
        }
    }

    /** One upload record as the query API shows it. */
    public record Hit(long uploadId, String imageId, String url, String source, String path, String ftpPath,
                      String fileName, long bytes, String format, int width, int height, int orientation,
                      String captureTime, Instant receivedAt, String receivedBy) {
    }

    public record Page(List<Hit> items, String next) {
    }

    public Page search(Criteria criteria) {
        StringBuilder jpql = new StringBuilder("""
                select u, s.name, i from Upload u, org.imagestore.source.Source s, org.imagestore.image.Image i
                where s.id = u.sourceId and i.id = u.imageId and u.removedAt is null and u.announced = true""");
        criteria.source().ifPresent(s -> jpql.append(" and s.name = :source"));
        criteria.from().ifPresent(f -> jpql.append(" and u.receivedAt >= :from"));
        criteria.to().ifPresent(t -> jpql.append(" and u.receivedAt < :to"));
        criteria.after().ifPresent(a -> jpql.append(
                " and (u.receivedAt < :afterTime or (u.receivedAt = :afterTime and u.id < :afterId))"));
        jpql.append(" order by u.receivedAt desc, u.id desc");

        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        criteria.source().ifPresent(s -> query.setParameter("source", s));
        criteria.from().ifPresent(f -> query.setParameter("from", f));
        criteria.to().ifPresent(t -> query.setParameter("to", t));
        criteria.after().ifPresent(a -> {
            query.setParameter("afterTime", a.receivedAt());
            query.setParameter("afterId", a.uploadId());
        });
        List<Object[]> rows = query.setMaxResults(criteria.limit() + 1).getResultList();

        List<Hit> hits = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), criteria.limit()))) {
            hits.add(hit((Upload) row[0], (String) row[1], (Image) row[2]));
        }
        String next = rows.size() > criteria.limit() && !hits.isEmpty()
                ? new Cursor(hits.getLast().receivedAt(), hits.getLast().uploadId()).encode() : null;
        return new Page(hits, next);
    }

    private static Hit hit(Upload upload, String source, Image image) {
        ImageFacts facts = image.facts();
        return new Hit(upload.id(), upload.imageId().value(), upload.imageId().urlPath(), source,
                upload.path().value(), upload.folder().value(), upload.name(), upload.bytes(),
                facts.format().parameterName(), facts.width(), facts.height(), facts.orientation(),
                facts.captureTime().map(Object::toString).orElse(null), upload.receivedAt(), upload.receivedBy());
    }
}
