package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;

/**
 * What another user of the same machine can reach: the private PostgreSQL wants a password from every role, the
 * superuser too (whose {@code COPY ... PROGRAM} would run commands); {@code domain.xml} refers to passwords and keys
 * by their Payara password aliases only; the JMS broker has no guest and no default
 * administrator, and an indexer's account may read metadata but not forge it; the secrets and the rendered asadmin
 * files (which carry passwords and keys) are readable by the store's own user only.
 */
class LocalAccessIT {

    private static final String URL = "jdbc:postgresql://127.0.0.1:" + Settings.DB_PORT + "/postgres";

    @Test
    void thePrivatePostgresqlAsksEveryRoleForItsPasswordTheSuperuserToo() {
        SQLException none = assertThrows(SQLException.class, () -> DriverManager.getConnection(URL, "postgres", "").close());
        assertTrue(none.getMessage().contains("password"), none.getMessage());
        SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(URL, "postgres", "guess").close());
        assertTrue(wrong.getMessage().contains("password authentication failed"), wrong.getMessage());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(URL, "imagestore", "").close());
    }

    @Test
    void secretsAndRenderedConfigurationAreForTheStoresUserOnly() throws IOException {
        Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        List<Path> files;
        try (Stream<Path> secrets = Files.list(Settings.HOME.resolve("secrets"));
             Stream<Path> top = Files.list(Settings.HOME)) {
            files = Stream.concat(secrets, top.filter(f -> f.getFileName().toString().endsWith(".asadmin"))).toList();
        }
        files = Stream.concat(files.stream(), Stream.of(Settings.HOME, Settings.HOME.resolve("domains/imagestore/config/domain-passwords")))
                .toList();
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("domain.asadmin")), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("db-superuser-password")), files::toString);
        for (Path file : files) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            assertEquals(Set.of(), intersection(permissions, others), () -> file + " is " + permissions);
        }
    }

    @Test
    void theDomainConfigurationHoldsNoSecretInClear() throws IOException {
        String domain = Files.readString(Settings.HOME.resolve("domains/imagestore/config/domain.xml"));
        for (String secret : List.of("db-password", "broker-password", "broker-admin-password", "cluster-keystore-password",
                "ftps-keystore-password", "das-render-signing-key")) {
            assertFalse(domain.contains(Settings.storeSecret(secret)), () -> secret + " is in domain.xml in clear");
            assertTrue(domain.contains("${ALIAS=imagestore-" + secret + "}"), () -> secret + " is not referred to by its alias");
        }
    }

    @Test
    void theBrokerKnowsNeitherGuestNorItsDefaultAdministrator() {
        for (String[] account : new String[][] {{"guest", "guest"}, {"admin", "admin"}, {"indexer", "guess"}}) {
            JMSSecurityException refused = assertThrows(JMSSecurityException.class, () -> {
                try (Connection c = Indexer.connectionFactory(account[0], account[1]).createConnection()) {
                    c.start();
                }
            }, () -> account[0] + "/" + account[1]);
            assertTrue(refused.getMessage().contains("Login failed"), refused.getMessage());
        }
    }

    @Test
    void anIndexerMaySubscribeButNotPublishMetadata() throws JMSException {
        try (Connection c = Indexer.connectionFactory("indexer", Settings.brokerIndexerPassword()).createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic("ImageMetadata");
            session.createConsumer(topic).close();
            assertThrows(JMSSecurityException.class,
                    () -> session.createProducer(topic).send(session.createTextMessage("{\"event\":\"stored\"}")));
        }
    }

    private static Set<PosixFilePermission> intersection(Set<PosixFilePermission> a, Set<PosixFilePermission> b) {
        return a.stream().filter(b::contains).collect(java.util.stream.Collectors.toSet());
    }
}
