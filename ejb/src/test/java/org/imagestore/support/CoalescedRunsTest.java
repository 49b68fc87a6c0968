package org.imagestore.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CoalescedRunsTest {

    private final CoalescedRuns runs = new CoalescedRuns();

    @Test
    void requestsDuringARunMakeItGoRoundOnceMoreInsteadOfRunningBesideIt() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch inFirstRound = new CountDownLatch(1);
        CountDownLatch othersAsked = new CountDownLatch(1);
        Runnable work = () -> {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            if (rounds.incrementAndGet() == 1) {
                inFirstRound.countDown();
                await(othersAsked);
            }
            atOnce.decrementAndGet();
        };
        Thread first = Thread.ofPlatform().start(() -> runs.request(work));
        inFirstRound.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            runs.request(work); // returns at once: the first run goes round again for all of them
        }
        othersAsked.countDown();
        first.join(10_000);
        assertEquals(2, rounds.get(), "one round more for five requests");
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void aFailedRunEndsItsRoundsAndTheNextRequestRunsAfresh() {
        assertThrows(IllegalStateException.class, () -> runs.request(() -> {
            throw new IllegalStateException("broker down");
        }));
        AtomicInteger rounds = new AtomicInteger();
        runs.request(rounds::incrementAndGet);
        assertEquals(1, rounds.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
