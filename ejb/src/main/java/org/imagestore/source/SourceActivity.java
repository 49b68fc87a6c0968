package org.imagestore.source;

import java.time.Instant;
import java.util.Optional;

/**
 * What a source has sent.
 *
 * @param lastUploadAt the newest upload, if any
 * @param uploadsToday uploads received since midnight (UTC), later replaced or deleted ones included
 * @param uploads      uploads in its tree now
 * @param bytes        their bytes
 */
public record SourceActivity(Optional<Instant> lastUploadAt, long uploadsToday, long uploads, long bytes) {

    public static final SourceActivity NONE = new SourceActivity(Optional.empty(), 0, 0, 0);
}
