package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue (PostgreSQL) becomes unreachable for the store: its role may no longer log in and its connections
 * are cut, as when the database is down. A node still serves the originals it holds (also ones it never served
 * before) and cached renditions; {@code /health} says DEGRADED and stays 200, so that a load balancer keeps the node;
 * an FTP login gets {@code 421} (come back later), never a 226 without a commit. When the catalogue is back,
 * uploads succeed again without restarting any node.
 */
class CatalogueOutageIT {

    private static final String SUPERUSER_URL = "jdbc:postgresql://127.0.0.1:" + Settings.DB_PORT + "/postgres";
    private static final Http http = new Http(NodeAddress.NODE_1);

    @AfterAll
    static void catalogueBack() {
        asSuperuser("alter role imagestore login");
    }

    @Test
    void withTheCatalogueUnreachableLocalOriginalsAndCachedRenditionsAreServedAndUploadsWait() throws Exception {
        Source camera = http.newSource("outage");
        byte[] rendered = Photos.uniquePhoto("canon-eos70d.jpg");
        byte[] neverRead = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String renderedId = Ftp.upload(camera, "/rendered.jpg", rendered);
        String neverReadId = Ftp.upload(camera, "/never-read.jpg", neverRead);
        NodeAddress holder = NodeAddress.named(ClusterState.placements(neverReadId).iterator().next());
        Set<String> renderedHolders = ClusterState.placements(renderedId);
        NodeAddress holderOfRendered = NodeAddress.named(renderedHolders.iterator().next());
        assertEquals(200, new Http(holderOfRendered).get("/images/" + renderedId + "?w=90").statusCode());

        asSuperuser("alter role imagestore nologin");
        asSuperuser("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'imagestore'");
        try {
            assertArrayEquals(neverRead, new Http(holder).get("/images/" + neverReadId).body(),
                    "an original this node holds, never served by it before");
            for (NodeAddress node : NodeAddress.ALL) {
                var response = new Http(node).get("/images/" + renderedId + "?w=90");
                assertEquals(200, response.statusCode(), () -> "a cached rendition through " + node.name());
            }
            var health = new Http(holder).getText("/health");
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("DEGRADED", Responses.json(health.body()).getString("status"), health.body());

            FTPClient ftp = new FTPClient();
            ftp.setDefaultTimeout(30_000);
            ftp.connect(NodeAddress.NODE_1.host(), NodeAddress.NODE_1.ftpPort());
            try {
                ftp.login(camera.name(), camera.password());
            } catch (org.apache.commons.net.ftp.FTPConnectionClosedException closed) {
                // 421 closes the connection
            }
            assertEquals(421, ftp.getReplyCode(), ftp.getReplyString());
            ftp.disconnect();
        } finally {
            asSuperuser("alter role imagestore login");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"UP".equals(Responses.json(new Http(holder).getText("/health").body()).getString("status"))) {
            assertTrue(System.nanoTime() < deadline, "the node is UP again within 60 s of the catalogue's return");
            Pause.millis(500);
        }
        byte[] after = Photos.uniquePhoto("canon-eos70d.jpg");
        assertEquals(ImageId.of(after), uploadRetryingOn421(camera, "/after.jpg", after,
                System.nanoTime() + Duration.ofSeconds(30).toNanos()),
                "uploads work again, no node restarted");
    }

    /**
     * As a camera does: a 421 ("come back later") is retried. The first login after the catalogue's return may meet
     * a pooled connection the outage cut, which fails that one transaction (validated at most every 5 s).
     */
    private static String uploadRetryingOn421(Source camera, String path, byte[] bytes, long deadline) {
        while (true) {
            try {
                return Ftp.upload(camera, path, bytes);
            } catch (UncheckedIOException e) {
                boolean comeBackLater = e.getCause() instanceof FTPConnectionClosedException
                        && String.valueOf(e.getCause().getMessage()).contains("421");
                if (!comeBackLater || System.nanoTime() > deadline) {
                    throw e;
                }
                Pause.millis(1000);
            }
        }
    }

    private static void asSuperuser(String sql) {
        try (Connection c = DriverManager.getConnection(SUPERUSER_URL, "postgres", Settings.superuserPassword());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("as the superuser: " + sql, e);
        }
    }
}
