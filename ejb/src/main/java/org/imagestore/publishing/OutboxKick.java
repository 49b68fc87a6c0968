package org.imagestore.publishing;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Starts the relay once a transaction that wrote outbox rows has committed. */
@ApplicationScoped
public class OutboxKick {

    @EJB
    private OutboxDrainer drainer;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxFilled filled) {
        drainer.drainSoon();
    }
}
