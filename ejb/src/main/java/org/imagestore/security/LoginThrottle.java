package org.imagestore.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.ops.Metrics;

/**
 * Slows password guessing to a crawl, for FTP logins and the admin API alike. An address that fails too often
 * within the window is locked out for a while: its attempts are refused without looking at the password (no key
 * derivation spent on them). An account that fails too often from anywhere is locked the same way, except for
 * the addresses it logged in from successfully before, so that guessing a camera's password from elsewhere
 * cannot lock the camera itself out. Counted per node, in memory: the limits apply on each node an attacker
 * reaches.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    /** Beyond this many tracked addresses or accounts, expired entries are dropped. */
    private static final int PRUNE_ABOVE = 10_000;
    /** How long an address stays known as one an account logged in from. */
    private static final Duration KNOWN_FOR = Duration.ofDays(7);

    @Inject
    @ConfigProperty(name = "imagestore.login.max-failures-per-address", defaultValue = "10")
    int maxFailuresPerAddress;
    @Inject
    @ConfigProperty(name = "imagestore.login.max-failures-per-account", defaultValue = "20")
    int maxFailuresPerAccount;
    @Inject
    @ConfigProperty(name = "imagestore.login.failure-window-seconds", defaultValue = "900")
    long windowSeconds;
    @Inject
    @ConfigProperty(name = "imagestore.login.lockout-seconds", defaultValue = "900")
    long lockoutSeconds;
    @Inject
    private Metrics metrics;

    Clock clock = Clock.systemUTC();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Instant> knownAddresses = new ConcurrentHashMap<>();

    @PostConstruct
    void describe() {
        LOG.info("logins locked for " + lockoutSeconds + " s after " + maxFailuresPerAddress + " failures from an address or "
                + maxFailuresPerAccount + " for an account within " + windowSeconds + " s");
    }

    /**
     * Checks a login unless its address or account is locked out.
     *
     * @param realm   what is logged into ({@code ftp}, {@code admin})
     * @param check   the password check, run only when the attempt is admitted
     * @return whether the login is accepted
     */
    public boolean attempt(String realm, String account, String address, BooleanSupplier check) {
        Instant now = clock.instant();
        String accountKey = realm + ":" + account;
        String lock = lockOf(accountKey, address, now);
        if (lock != null) {
            metrics.login(realm, Metrics.LoginOutcome.LOCKED);
            LOG.warning(() -> realm + " login of '" + account + "' from " + address + " refused without a check: " + lock);
            return false;
        }
        if (check.getAsBoolean()) {
            byAddress.remove(address);
            knownAddresses.put(accountKey + "@" + address, now);
            metrics.login(realm, Metrics.LoginOutcome.ACCEPTED);
            return true;
        }
        metrics.login(realm, Metrics.LoginOutcome.REFUSED);
        if (fail(byAddress, address, maxFailuresPerAddress, now)) {
            LOG.warning(realm + " logins from " + address + " locked for " + lockoutSeconds + " s after "
                    + maxFailuresPerAddress + " failures (the last for '" + account + "')");
        }
        if (fail(byAccount, accountKey, maxFailuresPerAccount, now)) {
            LOG.warning(realm + " logins of '" + account + "' locked for " + lockoutSeconds + " s after "
                    + maxFailuresPerAccount + " failures, except from addresses it logged in from before");
        }
        prune(now);
        return false;
    }

    /** Why the attempt is not checked, or null. */
    private String lockOf(String accountKey, String address, Instant now) {
        Failures fromAddress = byAddress.get(address);
        if (fromAddress != null && fromAddress.lockedAt(now)) {
            return "too many failed logins from this address, locked until " + fromAddress.lockedUntil;
        }
        Failures ofAccount = byAccount.get(accountKey);
        if (ofAccount != null && ofAccount.lockedAt(now)) {
            Instant known = knownAddresses.get(accountKey + "@" + address);
            if (known == null || known.plus(KNOWN_FOR).isBefore(now)) {
                return "too many failed logins for this account, locked until " + ofAccount.lockedUntil
                        + " for addresses it never logged in from";
            }
        }
        return null;
    }

    /** Records a failure; true when it locks. */
    private boolean fail(Map<String, Failures> failures, String key, int max, Instant now) {
        Failures after = failures.compute(key, (k, f) -> (f == null || f.expiredAt(now, windowSeconds) ? new Failures(now) : f)
                .plusOne(now, max, lockoutSeconds));
        return after.count == max;
    }

    private void prune(Instant now) {
        if (byAddress.size() > PRUNE_ABOVE) {
            byAddress.values().removeIf(f -> f.expiredAt(now, windowSeconds) && !f.lockedAt(now));
        }
        if (byAccount.size() > PRUNE_ABOVE) {
            byAccount.values().removeIf(f -> f.expiredAt(now, windowSeconds) && !f.lockedAt(now));
        }
        if (knownAddresses.size() > PRUNE_ABOVE) {
            knownAddresses.values().removeIf(at -> at.plus(KNOWN_FOR).isBefore(now));
        }
    }

    /** Failures counted since {@code since}; locked until {@code lockedUntil} once there were enough. */
    private record Failures(Instant since, int count, Instant lockedUntil) {

        Failures(Instant since) {
            this(since, 0, Instant.MIN);
        }

        Failures plusOne(Instant now, int max, long lockoutSeconds) {
            int n = count + 1;
            return new Failures(since, n, n >= max ? now.plusSeconds(lockoutSeconds) : lockedUntil);
        }

        boolean lockedAt(Instant now) {
            return now.isBefore(lockedUntil);
        }

        boolean expiredAt(Instant now, long windowSeconds) {
            return since.plusSeconds(windowSeconds).isBefore(now) && !lockedAt(now);
        }
    }
}
