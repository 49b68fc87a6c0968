package org.imagestore.support;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a piece of work at a time, however many threads ask for it: a request that arrives while it runs
 * makes the running one go round once more instead of waiting or running beside it (for "relay what is waiting"
 * kinds of work, where one more round covers every request made meanwhile).
 */
public final class CoalescedRuns {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    /** Runs {@code work} now, or has the run under way go round again; an exception ends the rounds. */
    public void request(Runnable work) {
        requested.set(true);
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                requested.set(false);
                work.run();
            } finally {
                running.set(false);
            }
        }
    }
}
