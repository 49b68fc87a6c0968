package org.imagestore.publishing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Has the relay run shortly after a transaction that wrote outbox rows commits. "Shortly" is a gathering window
 * ({@code imagestore.outbox.gather-ms}, 250 ms): the uploads that commit within it are relayed in one transaction,
 * one two-phase commit of catalogue and broker for all of them, where a relay per upload cost about a fifth of an
 * upload's CPU (bench/results/profiles). With 50 ms, one session's uploads (one every 28 ms) were still relayed
 * two at a time and the relay was 16 % of the samples (run-20261203T0936Z). The indexer hears of an upload that
 * much later; nothing is acknowledged any earlier or later, since the outbox row commits with the upload either way.
 *
 * <p>The window is kept here, in a plain bean, because this observer runs while the committed transaction is
 * still on the thread: calling a transactional EJB from it made the container suspend and then fail to resume
 * that transaction, an exception and three logged stack traces per upload.
 */
@ApplicationScoped
public class OutboxKick {

    /** A relay scheduled longer ago than this was dropped unrun (the drainer's backstop relays meanwhile). */
    private static final long LOST_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    @EJB
    private OutboxDrainer drainer;
    @Resource
    private ManagedScheduledExecutorService scheduler;
    @Inject
    @ConfigProperty(name = "imagestore.outbox.gather-ms", defaultValue = "250")
    long gatherMillis;

    /** When the pending relay was scheduled ({@link System#nanoTime}), or 0 when none is. */
    private final AtomicLong scheduledAt = new AtomicLong();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxFilled filled) {
        long now = System.nanoTime() | 1; // never 0
        long pending = scheduledAt.get();
        if (pending != 0 && now - pending < LOST_AFTER_NANOS || !scheduledAt.compareAndSet(pending, now)) {
            return; // the relay under way takes this commit's rows too
        }
        try {
            scheduler.schedule(() -> {
                scheduledAt.set(0);
                drainer.relayWaiting();
            }, gatherMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException shuttingDown) { // the backstop relays it
            scheduledAt.set(0);
        }
    }
}
