package org.imagestore.delivery;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.imagestore.rendering.SourceRefusedException;

/**
 * Who may render now: a render needs a slot (by default one per core) and its share of the memory set aside for
 * rendering (the decoded raster and its copies, estimated from the header before anything is decoded). A render
 * that needs more than all of that memory is refused outright; one that must wait does so for a bounded time,
 * and only behind a bounded number of others: beyond that it is turned away at once (503, retry shortly), so that
 * waiting renders cannot hold every HTTP thread.
 */
final class RenderAdmission {

    private static final long KIB = 1024;

    private final Semaphore slots;
    private final Semaphore memoryKib;
    private final long memoryBytes;
    private final int maxWaiting;
    private final long timeoutMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    RenderAdmission(int slots, long memoryBytes, int maxWaiting, long timeoutMillis) {
        this.slots = new Semaphore(slots, true);
        this.memoryBytes = memoryBytes;
        this.memoryKib = new Semaphore((int) Math.min(Integer.MAX_VALUE, memoryBytes / KIB), true);
        this.maxWaiting = maxWaiting;
        this.timeoutMillis = timeoutMillis;
    }

    /** A render's right to run; closing it gives the slot and the memory back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether every slot is taken (another holder may be asked instead). */
    boolean busy() {
        return slots.availablePermits() == 0;
    }

    /** Renders waiting for their turn now. */
    int waiting() {
        return waiting.get();
    }

    long memoryBytes() {
        return memoryBytes;
    }

    /**
     * @throws SourceRefusedException when the render needs more memory than rendering may use at all
     * @throws RenderBusyException    when too many renders wait already, or the wait is too long
     */
    Permit admit(long bytesNeeded) {
        int kib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (bytesNeeded + KIB - 1) / KIB));
        if (bytesNeeded > memoryBytes) {
            throw new SourceRefusedException("rendering this image needs about " + mib(bytesNeeded)
                    + " MiB at once; this node renders with at most " + mib(memoryBytes)
                    + " MiB (imagestore.render.memory-fraction of its heap): ask for a smaller crop, or give the node more heap");
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new RenderBusyException("too many renders are waiting; retry shortly");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean slot = false;
        try {
            slot = slots.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
            if (!slot) {
                throw new RenderBusyException("all render slots are busy; retry shortly");
            }
            if (!memoryKib.tryAcquire(kib, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new RenderBusyException("the memory for rendering is taken by large renders; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderBusyException("interrupted while waiting to render");
        } catch (RuntimeException e) {
            if (slot) {
                slots.release();
            }
            throw e;
        } finally {
            waiting.decrementAndGet();
        }
        return () -> {
            memoryKib.release(kib);
            slots.release();
        };
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
