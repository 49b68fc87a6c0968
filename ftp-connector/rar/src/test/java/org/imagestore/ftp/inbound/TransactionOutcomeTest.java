package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.junit.jupiter.api.Test;

class TransactionOutcomeTest {

    private static final Xid XID = new Xid() {
        @Override
        public int getFormatId() {
            return 1;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return new byte[] {1};
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    };

    private final TransactionOutcome outcome = new TransactionOutcome();

    @Test
    void notCommittedBeforeTheTransactionEnds() {
        outcome.start(XID, XAResource.TMNOFLAGS);
        outcome.end(XID, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, outcome.prepare(XID));
        assertFalse(outcome.committed());
    }

    @Test
    void committedAfterTwoPhaseCommit() {
        outcome.start(XID, XAResource.TMNOFLAGS);
        outcome.end(XID, XAResource.TMSUCCESS);
        outcome.prepare(XID);
        outcome.commit(XID, false);
        assertTrue(outcome.committed());
    }

    @Test
    void committedAfterOnePhaseCommit() {
        outcome.commit(XID, true);
        assertTrue(outcome.committed());
    }

    @Test
    void notCommittedAfterRollback() {
        outcome.start(XID, XAResource.TMNOFLAGS);
        outcome.end(XID, XAResource.TMFAIL);
        outcome.rollback(XID);
        assertFalse(outcome.committed());
    }

    @Test
    void aRollbackAfterACommitMeansNotCommitted() {
        outcome.commit(XID, false);
        outcome.rollback(XID);
        assertFalse(outcome.committed());
    }

    @Test
    void isItsOwnResourceManagerOnlyAndHasNothingToRecover() {
        assertTrue(outcome.isSameRM(outcome));
        assertFalse(outcome.isSameRM(new TransactionOutcome()));
        assertEquals(0, outcome.recover(XAResource.TMSTARTRSCAN).length);
    }
}
