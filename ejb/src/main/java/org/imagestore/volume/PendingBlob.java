package org.imagestore.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.imagestore.image.ImageId;

/**
 * A blob adopted for a store whose transaction has not ended, with the mark that says so (one per store, so
 * that two stores of the same bytes never clear each other's). Cleared when the transaction ends either way.
 */
public record PendingBlob(ImageId id, Volume volume, Path mark) {

    /**
     * Forgets the mark: the store committed, or its blob was dealt with. Not synced: a mark that comes back
     * after a crash only makes the next start check a blob that is fine.
     */
    public void clear() throws IOException {
        Files.deleteIfExists(mark);
    }

    /** Whether the mark was made before {@code instant} (its store has had time to end). */
    public boolean madeBefore(java.time.Instant instant) {
        try {
            return Files.getLastModifiedTime(mark).toInstant().isBefore(instant);
        } catch (IOException e) {
            return false; // gone: settled meanwhile
        }
    }

    static Optional<ImageId> idOf(Path mark) {
        String name = mark.getFileName().toString();
        int dot = name.indexOf('.');
        return dot < 0 ? Optional.empty() : ImageId.parse(name.substring(0, dot));
    }
}
