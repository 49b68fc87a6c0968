package org.imagestore.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CopyPaceTest {

    @Test
    void copiesWaitAsLongAsTheirBytesTakeAtTheRate() {
        CopyPace pace = new CopyPace(10); // 10 MB/s
        Duration first = pace.after(5_000_000); // 0.5 s of bytes
        Duration second = pace.after(5_000_000); // queued behind the first: 1 s from now
        assertBetween(first, 400, 500);
        assertBetween(second, 900, 1000);
    }

    @Test
    void idleTimeEarnsAtMostOneSecondOfCredit() throws InterruptedException {
        CopyPace pace = new CopyPace(10);
        Thread.sleep(1500);
        // a second's worth of bytes goes at once after the pause, the next second's must wait
        assertBetween(pace.after(10_000_000), 0, 100);
        assertBetween(pace.after(10_000_000), 900, 1000);
    }

    @Test
    void noRateNoWait() {
        CopyPace pace = new CopyPace(0);
        assertFalse(pace.limited());
        assertEquals(Duration.ZERO, pace.after(1L << 40));
    }

    private static void assertBetween(Duration wait, long fromMillis, long toMillis) {
        assertTrue(wait.toMillis() >= fromMillis && wait.toMillis() <= toMillis,
                () -> "waits " + wait.toMillis() + " ms, expected " + fromMillis + "-" + toMillis);
    }
}
