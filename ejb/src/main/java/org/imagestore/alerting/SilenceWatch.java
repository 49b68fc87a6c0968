package org.imagestore.alerting;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/** Checks the silence rules every 5 s, on every node (each rule on one node at a time). */
@Singleton
// made at deployment, not by its first timer: a singleton first made while the application stops breaks
// Payara's undeploy (ConcurrentModificationException in SingletonLifeCycleManager, seen in CI)
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SilenceWatch {

    private static final Logger LOG = Logger.getLogger(SilenceWatch.class.getName());

    @EJB
    private SilenceChecks checks;
    private volatile boolean failing;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void watch() {
        try {
            for (long rule : checks.enabledRules()) {
                checks.check(rule);
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) { // the catalogue is down, most likely: said once, tried again in 5 s
                failing = true;
                LOG.log(Level.WARNING, "silence rules cannot be checked now; trying again every 5 s", e);
            }
        }
    }
}
