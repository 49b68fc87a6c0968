package org.imagestore.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.imagestore.support.Faults.Point;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static Faults configured(String spec) {
        Faults faults = new Faults();
        faults.configured = Optional.ofNullable(spec);
        faults.pauseSeconds = 30;
        faults.parse();
        return faults;
    }

    @Test
    void aPointPausesOnlyUploadsNamedForIt() {
        Faults faults = configured("blob-moved, copy-written");
        assertEquals(Optional.of(Duration.ofSeconds(30)), faults.pauseAt(Point.BLOB_MOVED, "fault-blob-moved-7.jpg"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), faults.pauseAt(Point.COPY_WRITTEN, "fault-copy-written.jpg"));
        assertEquals(Optional.empty(), faults.pauseAt(Point.BLOB_MOVED, "photo.jpg"));
        assertEquals(Optional.empty(), faults.pauseAt(Point.BLOB_MOVED, "fault-copy-written.jpg"));
    }

    @Test
    void onlyTheNamedPointsAreSet() {
        assertEquals(Optional.empty(), configured("copy-written").pauseAt(Point.BLOB_MOVED, "fault-blob-moved.jpg"));
    }

    @Test
    void inertWithoutTheProperty() {
        assertEquals(Optional.empty(), configured(null).pauseAt(Point.BLOB_MOVED, "fault-blob-moved-1.jpg"));
        assertEquals(Optional.empty(), configured(" ").pauseAt(Point.BLOB_MOVED, "fault-blob-moved-1.jpg"));
    }

    @Test
    void aPointNotPassedByAnUploadLooksTheNameUpOnlyWhenSet() {
        Faults unset = configured("blob-moved");
        unset.reach(Point.COPY_PULLED, () -> {
            throw new AssertionError("looked up although the point is not set");
        });
        Faults set = configured("copy-pulled");
        set.pauseSeconds = 0;
        AtomicInteger lookups = new AtomicInteger();
        set.reach(Point.COPY_PULLED, () -> {
            lookups.incrementAndGet();
            return Optional.of("fault-copy-pulled-1.jpg");
        });
        assertEquals(1, lookups.get());
        assertEquals(Optional.of(Duration.ZERO), set.pauseAt(Point.COPY_PULLED, "fault-copy-pulled-1.jpg"));
    }

    @Test
    void anUnknownPointIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> configured("nowhere"));
    }
}
