package org.imagestore.support;

import java.time.Duration;

/**
 * Holds background copying (repair and levelling moves between nodes, a volume being emptied) under a byte rate,
 * so that it leaves disks and network to uploads and reads: after each copy it waits as long as the bytes copied
 * so far take at that rate. Used by one thread at a time.
 */
public final class CopyPace {

    private final double bytesPerSecond;
    private long nextStart = System.nanoTime();

    /** @param megabytesPerSecond MB (10^6 bytes) per second; 0 or less: no limit */
    public CopyPace(double megabytesPerSecond) {
        this.bytesPerSecond = megabytesPerSecond * 1e6;
    }

    public boolean limited() {
        return bytesPerSecond > 0;
    }

    /** How long to wait after copying these bytes before the next copy starts; records them. */
    public Duration after(long bytes) {
        if (!limited()) {
            return Duration.ZERO;
        }
        long now = System.nanoTime();
        // idle time earns no credit beyond one second's worth of bytes: a burst after a pause stays short
        nextStart = Math.max(nextStart, now - 1_000_000_000L) + (long) (bytes / bytesPerSecond * 1e9);
        return Duration.ofNanos(Math.max(0, nextStart - now));
    }

    /** Waits as {@link #after(long)} says. */
    public void pace(long bytes) {
        Duration wait = after(bytes);
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
