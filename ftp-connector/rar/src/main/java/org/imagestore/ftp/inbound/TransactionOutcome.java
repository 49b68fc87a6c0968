package org.imagestore.ftp.inbound;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Enlisted by the container in the MDB's transaction, this resource holds no data: it only learns whether the
 * transaction committed. Without it a rolled-back delivery looks like a successful one to the adapter
 * (the proxy returns normally), and we would send 226 for an upload that was not stored.
 */
final class TransactionOutcome implements XAResource {

    private volatile boolean committed;
    private volatile boolean rolledBack;

    boolean committed() {
        return committed && !rolledBack;
    }

    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        committed = true;
    }

    @Override
    public void rollback(Xid xid) {
        rolledBack = true;
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
