package org.imagestore.publishing;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

import org.imagestore.support.CoalescedRuns;

/**
 * Runs the relay right after an announcing transaction commits, and every few seconds as a backstop (for
 * messages whose broker was down, or written by a node that died before relaying them).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxDrainer {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class.getName());
    private static final int BATCH = 100;

    @EJB
    private OutboxRelay relay;

    private final CoalescedRuns runs = new CoalescedRuns();
    private volatile boolean failing;

    @Asynchronous
    public void drainSoon() {
        drain();
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void backstop() {
        drain();
    }

    private void drain() {
        try {
            runs.request(this::relayAll);
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "metadata messages cannot be sent to JMS; they wait in the outbox and are"
                        + " retried every 5 s", e);
            }
        }
    }

    private void relayAll() {
        int sent;
        do {
            sent = relay.relayBatch(BATCH);
        } while (sent == BATCH);
        if (failing) {
            failing = false;
            LOG.info("metadata messages flow to JMS again");
        }
    }
}
