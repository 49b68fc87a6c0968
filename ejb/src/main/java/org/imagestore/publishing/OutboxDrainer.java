package org.imagestore.publishing;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.imagestore.support.CoalescedRuns;

/**
 * Runs the relay when {@link OutboxKick} asks (shortly after an announcing transaction commits), and every few
 * seconds as a backstop (for messages whose broker was down, or written by a node that died before relaying them),
 * one run at a time.
 */
@Singleton
// made at deployment, not by its first timer: a singleton first made while the application stops breaks
// Payara's undeploy (ConcurrentModificationException in SingletonLifeCycleManager, seen in CI)
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each relay batch has its own (REQUIRES_NEW)
public class OutboxDrainer {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class.getName());
    private static final int BATCH = 100;

    @EJB
    private OutboxRelay relay;

    private final CoalescedRuns runs = new CoalescedRuns();
    private volatile boolean failing;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void backstop() {
        relayWaiting();
    }

    /** Relays every waiting message, or has the relay under way go round once more. */
    public void relayWaiting() {
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
