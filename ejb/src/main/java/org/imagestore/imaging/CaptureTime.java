package org.imagestore.imaging;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The capture time as the camera recorded it: EXIF gives a local wall-clock time and, only sometimes,
 * its UTC offset ({@code OffsetTimeOriginal}). We keep both rather than invent a zone.
 */
public record CaptureTime(LocalDateTime local, Optional<ZoneOffset> offset) {

    /** ISO-8601: {@code 2024-05-01T12:30:00} or {@code 2024-05-01T12:30:00+02:00}. */
    @Override
    public String toString() {
        return offset.map(o -> local.atOffset(o).toString()).orElseGet(local::toString);
    }
}
