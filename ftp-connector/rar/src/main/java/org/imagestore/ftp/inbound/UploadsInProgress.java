package org.imagestore.ftp.inbound;

/** Counts STORs between their 150 and their final reply, so that stopping can let them finish. */
final class UploadsInProgress {

    private int count;

    synchronized void enter() {
        count++;
    }

    synchronized void exit() {
        count--;
        notifyAll();
    }

    synchronized int count() {
        return count;
    }

    /** @return true if none is left in progress */
    synchronized boolean awaitNone(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            for (long left = timeoutMillis; count > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count == 0;
    }
}
