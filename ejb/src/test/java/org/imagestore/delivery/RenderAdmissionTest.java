package org.imagestore.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.imagestore.rendering.SourceRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RenderAdmissionTest {

    private static final long MIB = 1 << 20;

    @Test
    void aRenderNeedingMoreThanAllTheMemoryIsRefusedSayingHowMuch() {
        RenderAdmission admission = new RenderAdmission(2, 512 * MIB, 8, 1000);
        SourceRefusedException refused = assertThrows(SourceRefusedException.class, () -> admission.admit(800 * MIB));
        assertTrue(refused.getMessage().contains("needs about 800 MiB") && refused.getMessage().contains("at most 512 MiB"),
                refused.getMessage());
        admission.admit(512 * MIB).close(); // nothing was taken
    }

    @Test
    void largeRendersTakeTheirShareOfMemoryAndWaitForIt() throws Exception {
        RenderAdmission admission = new RenderAdmission(2, 512 * MIB, 8, 300);
        try (RenderAdmission.Permit first = admission.admit(300 * MIB)) {
            assertThrows(RenderBusyException.class, () -> admission.admit(300 * MIB), "two of 300 MiB in 512");
            admission.admit(200 * MIB).close(); // a smaller one fits beside it
        }
        admission.admit(300 * MIB).close();
        admission.admit(512 * MIB).close(); // every byte given back
    }

    @Test
    void beyondTheWaitingLimitARenderIsTurnedAwayAtOnce() throws Exception {
        RenderAdmission admission = new RenderAdmission(1, 512 * MIB, 1, 10_000);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Void> waiter;
        try (RenderAdmission.Permit busy = admission.admit(MIB)) {
            assertTrue(admission.busy());
            waiter = CompletableFuture.runAsync(() -> {
                waiting.countDown();
                admission.admit(MIB).close();
            });
            waiting.await();
            while (admission.waiting() == 0) {
                Thread.onSpinWait(); // until the other render is in its wait
            }
            long started = System.nanoTime();
            RenderBusyException turnedAway = assertThrows(RenderBusyException.class, () -> admission.admit(MIB));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "turned away without waiting");
            assertTrue(turnedAway.getMessage().contains("too many renders are waiting"), turnedAway.getMessage());
        }
        waiter.get(10, TimeUnit.SECONDS); // the one that waited got its turn
        assertEquals(false, admission.busy());
    }
}
