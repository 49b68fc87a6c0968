package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UploadsInProgressTest {

    private final UploadsInProgress uploads = new UploadsInProgress();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void countsEntriesAndExits() {
        uploads.enter();
        uploads.enter();
        uploads.exit();
        assertEquals(1, uploads.count());
    }

    @Test
    void noneInProgressNeedsNoWaiting() {
        assertTrue(uploads.awaitNone(0));
        uploads.enter();
        uploads.exit();
        assertTrue(uploads.awaitNone(50_000));
    }

    @Test
    void givesUpAfterTheTimeoutWhenOneIsLeft() {
        uploads.enter();
        assertFalse(uploads.awaitNone(50));
        assertEquals(1, uploads.count());
    }

    @Test
    void aZeroTimeoutDoesNotWait() {
        uploads.enter();
        assertFalse(uploads.awaitNone(0));
    }

    @Test
    void returnsOnceTheLastOneExitsInAnotherThread() throws InterruptedException {
        uploads.enter();
        Thread waiter = Thread.currentThread();
        Thread finisher = Thread.ofPlatform().start(() -> {
            // exit only once the waiter is really waiting, so that the notification is what wakes it
            while (waiter.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            uploads.exit();
        });
        assertTrue(uploads.awaitNone(50_000));
        assertEquals(0, uploads.count());
        finisher.join();
    }

    @Test
    void anInterruptEndsTheWaitAndIsKept() {
        uploads.enter();
        Thread.currentThread().interrupt();
        assertFalse(uploads.awaitNone(50_000));
        assertTrue(Thread.currentThread().isInterrupted());
    }
}
