package org.imagestore.publishing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.imagestore.support.CoalescedRuns;

/**
 * Runs the relay shortly after an announcing transaction commits, and every few seconds as a backstop (for
 * messages whose broker was down, or written by a node that died before relaying them). "Shortly" is a gathering
 * window ({@code imagestore.outbox.gather-ms}, 50 ms): the uploads that commit within it are relayed in one
 * transaction, one two-phase commit of catalogue and broker for all of them, where a relay per upload cost about a
 * fifth of an upload's CPU (bench/results/profiles). The indexer hears of an upload that much later; nothing is
 * acknowledged any earlier or later, since the outbox row commits with the upload either way.
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
    @Resource
    private ManagedScheduledExecutorService scheduler;
    @Inject
    @ConfigProperty(name = "imagestore.outbox.gather-ms", defaultValue = "50")
    long gatherMillis;

    private final CoalescedRuns runs = new CoalescedRuns();
    private final AtomicBoolean gathering = new AtomicBoolean();
    private volatile boolean failing;

    /** Relays what is waiting once the gathering window has passed; a call within the window joins that relay. */
    public void drainSoon() {
        if (gathering.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> {
                    gathering.set(false);
                    drain();
                }, gatherMillis, TimeUnit.MILLISECONDS);
            } catch (RuntimeException shuttingDown) { // the backstop relays it
                gathering.set(false);
            }
        }
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void backstop() {
        gathering.set(false); // should a scheduled relay have been dropped unrun, the next upload schedules one again
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
