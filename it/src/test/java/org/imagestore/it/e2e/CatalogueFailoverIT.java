package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.junit.jupiter.api.Test;

/**
 * The catalogue runs on a primary with a hot standby (synchronous streaming replication; the nodes' pool names both
 * servers with {@code targetServerType=primary}). While a camera uploads, the primary dies (SIGKILL of its whole
 * process group) and the standby is promoted: uploads during the switch are refused with a 4xx (a login gets 421,
 * a transfer 451), never acknowledged without a commit; afterwards they succeed again without any node restarted,
 * and every upload acknowledged before, during or after the switch is in the promoted catalogue and readable.
 * Runs last: the old primary stays dead.
 */
class CatalogueFailoverIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    /** What one upload attempt got: its reply code, and the image id of a 226. */
    private record Attempt(String path, byte[] bytes, int code, String imageId, long at) {
    }

    @Test
    void promotingTheStandbyWhileACameraUploadsLosesNothingAcknowledged() throws Exception {
        assertEquals("sync", replicationStateOnPrimary(), "the standby streams synchronously before the test");
        Source camera = http.newSource("failover");
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread uploader = Thread.ofPlatform().name("failover-camera").start(() -> {
            for (int i = 0; !stop.get(); i++) {
                attempts.add(attempt(camera, NodeAddress.ALL.get(i % NodeAddress.ALL.size()), "switch-" + i + ".jpg"));
                Pause.millis(100);
            }
        });
        try {
            awaitAcknowledged(attempts, 5, 0);
            long killedAt = System.nanoTime();
            killPrimary();
            Pause.millis(3_000); // uploads meet a catalogue that is gone
            long promotedAt = System.nanoTime();
            promoteStandby();
            awaitAcknowledged(attempts, 5, killedAt);
            long firstAfter = attempts.stream().filter(a -> a.code() == 226 && a.at() > killedAt)
                    .mapToLong(Attempt::at).min().orElseThrow();
            System.out.printf("catalogue failover: primary killed, standby promoted %.1f s later; the first upload begun"
                    + " after the kill that was acknowledged began %.1f s after the kill%n",
                    (promotedAt - killedAt) / 1e9, (firstAfter - killedAt) / 1e9);
        } finally {
            stop.set(true);
            uploader.join(Duration.ofSeconds(150));
        }

        List<Attempt> acknowledged = attempts.stream().filter(a -> a.code() == 226).toList();
        List<Attempt> refused = attempts.stream().filter(a -> a.code() != 226).toList();
        Map<Integer, Long> codes = new TreeMap<>();
        attempts.forEach(a -> codes.merge(a.code(), 1L, Long::sum));
        System.out.println("uploads during the catalogue's failover, by reply: " + codes);
        assertFalse(refused.isEmpty(), "some uploads met the switch: " + codes);
        for (Attempt a : refused) {
            assertTrue(a.code() == 421 || a.code() == 451, () -> a.path() + " got " + a.code() + " (all: " + codes + ")");
        }
        for (Attempt a : acknowledged) {
            assertEquals(ImageId.of(a.bytes()), a.imageId(), a.path());
            assertEquals(1, Catalogue.count("""
                    select count(*) from upload u join source s on s.id = u.source_id
                    where s.name = ? and u.name = ? and u.image_id = ? and u.removed_at is null""",
                    camera.name(), a.path(), a.imageId()), () -> a.path() + " acknowledged, missing from the catalogue");
            assertArrayEquals(a.bytes(), http.get("/images/" + a.imageId()).body(), a.path());
        }
        assertFalse(standbyInRecovery(), "the standby is the primary now");
    }

    private static Attempt attempt(Source camera, NodeAddress node, String path) {
        byte[] bytes = Photos.uniquePhoto("canon-eos70d.jpg");
        long at = System.nanoTime();
        try (Ftp ftp = Ftp.connect(node)) {
            if (!ftp.login(camera.name(), camera.password())) {
                return new Attempt(path, bytes, ftp.getReplyCode(), null, at);
            }
            ftp.setFileType(org.apache.commons.net.ftp.FTP.BINARY_FILE_TYPE);
            ftp.enterLocalPassiveMode();
            Ftp.Stored stored = ftp.stor(path, bytes);
            return new Attempt(path, bytes, stored.code(), stored.imageId(), at);
        } catch (FTPConnectionClosedException closed) {
            return new Attempt(path, bytes, 421, null, at); // 421 closes the connection
        } catch (IOException e) {
            throw new AssertionError(path, e);
        }
    }

    /** Waits until {@code count} uploads begun after {@code since} were acknowledged (at most 120 s). */
    private static void awaitAcknowledged(List<Attempt> attempts, int count, long since) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (attempts.stream().filter(a -> a.code() == 226 && a.at() > since).count() < count) {
            assertTrue(System.nanoTime() < deadline, () -> count + " uploads acknowledged within 120 s; so far "
                    + attempts.stream().map(a -> a.path() + " " + a.code()).toList());
            Pause.millis(200);
        }
    }

    /**
     * SIGKILL to the primary server (its postmaster, which runs in a session of its own, and with it every backend)
     * and to the process that started it, as when its host dies.
     */
    private static void killPrimary() throws IOException, InterruptedException {
        String postmaster = Files.readAllLines(Settings.HOME.resolve("postgres/postmaster.pid")).getFirst().trim();
        String launcher = Files.readString(Settings.HOME.resolve("postgres.pid")).trim();
        Process kill = new ProcessBuilder("kill", "-KILL", "--", postmaster, "-" + launcher).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill of the primary's postmaster " + postmaster + " and launcher " + launcher);
        try (Connection gone = superuser(Settings.DB_PORT)) {
            throw new AssertionError("the primary still answers after its kill");
        } catch (SQLException expected) {
            // the primary is gone
        }
    }

    private static void promoteStandby() throws SQLException {
        try (Connection c = superuser(Settings.DB_STANDBY_PORT); Statement s = c.createStatement();
                ResultSet promoted = s.executeQuery("select pg_promote(true, 60)")) {
            assertTrue(promoted.next() && promoted.getBoolean(1), "the standby was promoted");
        }
    }

    private static String replicationStateOnPrimary() throws SQLException {
        try (Connection c = superuser(Settings.DB_PORT); Statement s = c.createStatement();
                ResultSet state = s.executeQuery("select sync_state from pg_stat_replication")) {
            List<String> states = new ArrayList<>();
            while (state.next()) {
                states.add(state.getString(1));
            }
            return String.join(",", states);
        }
    }

    private static boolean standbyInRecovery() throws SQLException {
        try (Connection c = superuser(Settings.DB_STANDBY_PORT); Statement s = c.createStatement();
                ResultSet recovery = s.executeQuery("select pg_is_in_recovery()")) {
            recovery.next();
            return recovery.getBoolean(1);
        }
    }

    private static Connection superuser(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                Settings.superuserPassword());
    }
}
