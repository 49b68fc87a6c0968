package org.imagestore.ftp.inbound;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

/**
 * Registered in the MDB's transaction, this learns whether it committed. Without it a rolled-back delivery looks
 * like a successful one to the adapter (the endpoint returns normally), and we would send 226 for an upload that was
 * not stored. A synchronization and not an XAResource: a second resource beside the database's connection would
 * make every change a two-phase commit, with the transaction manager's log written and fsync'd before the database
 * commits (one more fsync per upload, for a resource that holds nothing).
 */
final class CommitObserver implements Synchronization {

    private volatile boolean committed;

    boolean committed() {
        return committed;
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        committed = status == Status.STATUS_COMMITTED;
    }
}
