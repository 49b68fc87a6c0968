package org.imagestore.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.imagestore.ops.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String CAMERA = "cam-1";
    private final AtomicInteger checks = new AtomicInteger();
    private final Metrics metrics = new Metrics();
    private LoginThrottle throttle;
    private Instant now = Instant.parse("2026-12-02T05:00:00Z");

    @BeforeEach
    void throttle() throws Exception {
        throttle = new LoginThrottle();
        throttle.maxFailuresPerAddress = 10;
        throttle.maxFailuresPerAccount = 20;
        throttle.windowSeconds = 900;
        throttle.lockoutSeconds = 900;
        var field = LoginThrottle.class.getDeclaredField("metrics");
        field.setAccessible(true);
        field.set(throttle, metrics);
        setClock();
    }

    private void setClock() {
        throttle.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private void advanceSeconds(long seconds) {
        now = now.plusSeconds(seconds);
        setClock();
    }

    private BooleanSupplier password(boolean right) {
        return () -> {
            checks.incrementAndGet();
            return right;
        };
    }

    private long count(String outcome) {
        var counter = metrics.registry().find("imagestore.logins").tags("realm", "ftp", "outcome", outcome).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    @Test
    void anAddressThatFailsTenTimesIsLockedOutWithoutAPasswordCheckWhileOthersGoOn() {
        for (int i = 0; i < 10; i++) {
            assertFalse(throttle.attempt("ftp", CAMERA, "192.0.2.9", password(false)));
        }
        assertEquals(10, checks.get());
        assertFalse(throttle.attempt("ftp", CAMERA, "192.0.2.9", password(true)), "locked, even with the right password");
        assertFalse(throttle.attempt("ftp", "cam-2", "192.0.2.9", password(true)), "locked for every account");
        assertEquals(10, checks.get(), "no key derivation spent on a locked address");
        assertTrue(throttle.attempt("ftp", CAMERA, "192.0.2.10", password(true)), "another address logs in");
        assertEquals(10, count("refused"));
        assertEquals(2, count("locked"));
        assertEquals(1, count("accepted"));

        advanceSeconds(901);
        assertTrue(throttle.attempt("ftp", CAMERA, "192.0.2.9", password(true)), "the lockout ends");
    }

    @Test
    void anAccountGuessedFromManyAddressesIsLockedExceptWhereItLoggedInBefore() {
        assertTrue(throttle.attempt("ftp", CAMERA, "10.0.0.7", password(true))); // the camera's own address
        for (int i = 0; i < 20; i++) {
            assertFalse(throttle.attempt("ftp", CAMERA, "198.51.100." + i, password(false)));
        }
        int checked = checks.get();
        assertFalse(throttle.attempt("ftp", CAMERA, "203.0.113.1", password(true)), "a new address is locked out");
        assertEquals(checked, checks.get());
        assertTrue(throttle.attempt("ftp", CAMERA, "10.0.0.7", password(true)), "the camera itself goes on");
        assertTrue(throttle.attempt("ftp", "cam-2", "203.0.113.1", password(true)), "other accounts are not locked");
    }

    @Test
    void aSuccessClearsTheAddressFailuresAndOldFailuresExpire() {
        for (int i = 0; i < 9; i++) {
            throttle.attempt("ftp", CAMERA, "192.0.2.9", password(false));
        }
        assertTrue(throttle.attempt("ftp", CAMERA, "192.0.2.9", password(true)));
        for (int i = 0; i < 9; i++) {
            throttle.attempt("ftp", CAMERA, "192.0.2.9", password(false));
        }
        advanceSeconds(901);
        throttle.attempt("ftp", CAMERA, "192.0.2.9", password(false)); // the 10th, but in a new window
        assertTrue(throttle.attempt("ftp", CAMERA, "192.0.2.9", password(true)));
    }
}
