package org.imagestore.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values from native queries, whose Java types depend on the driver and Hibernate's mood. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }

    public static long longValue(Object value) {
        return ((Number) value).longValue();
    }
}
