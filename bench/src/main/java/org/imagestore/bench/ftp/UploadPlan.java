package org.imagestore.bench.ftp;

import java.util.Optional;

/**
 * Hands out the uploads of a run: the photo folder, file after file, repeated. A run ends on a repetition
 * boundary once it has lasted {@code minSeconds} (and done {@code minRepetitions}), or after exactly
 * {@code maxRepetitions}, so the figures are always over whole copies of the folder, whose mix of small and
 * large photos then counts the same for every server.
 */
final class UploadPlan {

    /**
     * The {@code index}-th photo of the {@code repetition}-th copy of the folder; {@code sequence} counts the
     * uploads handed out before it, whichever client takes it (it picks the server, round-robin).
     */
    record Upload(long sequence, int repetition, int index) {
    }

    private final int folderSize;
    private final int minRepetitions;
    private final int maxRepetitions;
    private final long minNanos;
    private long started;
    private long handedOut;
    private int stopAt = Integer.MAX_VALUE;

    UploadPlan(int folderSize, double minSeconds, int minRepetitions, int maxRepetitions) {
        this.folderSize = folderSize;
        this.minNanos = (long) (minSeconds * 1e9);
        this.minRepetitions = minRepetitions;
        this.maxRepetitions = maxRepetitions;
    }

    synchronized void start() {
        started = System.nanoTime();
    }

    /** The next upload to make, or empty when the run is over. */
    synchronized Optional<Upload> next() {
        int repetition = (int) (handedOut / folderSize);
        int index = (int) (handedOut % folderSize);
        if (index == 0 && repetition >= minRepetitions && System.nanoTime() - started >= minNanos) {
            stopAt = Math.min(stopAt, repetition);
        }
        if (repetition >= stopAt || repetition >= maxRepetitions) {
            return Optional.empty();
        }
        return Optional.of(new Upload(handedOut++, repetition, index));
    }

    /** Whole repetitions handed out so far (all of them, once the run is over). */
    synchronized int repetitions() {
        return (int) ((handedOut + folderSize - 1) / folderSize);
    }
}
