package org.imagestore.it.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the store under test is and how to get in: the system properties that {@code ./imagestore test} passes
 * to failsafe, and the secret files they name.
 */
final class Settings {

    /** The store's state folder (database, broker, Payara, nodes, secrets). */
    static final Path HOME = Path.of(required("imagestore.home"));
    static final int BROKER_PORT = Integer.getInteger("imagestore.broker.port", 27676);
    static final int DB_PORT = Integer.getInteger("imagestore.db.port", 25432);
    /** The catalogue's hot standby (streaming, synchronous), which CatalogueFailoverIT promotes. */
    static final int DB_STANDBY_PORT = Integer.getInteger("imagestore.db.standby-port", 25433);

    private Settings() {
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run through ./imagestore test"
                    + " or pass it to failsafe");
        }
        return value;
    }

    /** The content of the secret file that the property names. */
    static String secret(String property) {
        try {
            return Files.readString(Path.of(required(property))).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String superuserPassword() {
        return storeSecret("db-superuser-password");
    }

    /** The broker account for indexers (subscribe only). */
    static String brokerIndexerPassword() {
        return storeSecret("broker-indexer-password");
    }

    /** A secret the launcher generated, from the store's secrets folder. */
    static String storeSecret(String name) {
        try {
            return Files.readString(HOME.resolve("secrets").resolve(name)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String adminPassword() {
        return secret("imagestore.store.admin-password-file");
    }
}
