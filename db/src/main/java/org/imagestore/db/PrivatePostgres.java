package org.imagestore.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs a private PostgreSQL server from binaries shipped in Maven artifacts, so the store starts on a machine
 * with nothing but a JDK and Maven. Data stays in the given folder across restarts; the process stops the
 * server cleanly when it is terminated.
 *
 * <p>Usage: {@code PrivatePostgres <data-dir> <port> <database>[,<database>...]}, with the application's password in the
 * environment variable {@code IMAGESTORE_DB_PASSWORD}. The application connects as role {@code imagestore}
 * with that password (SCRAM); the server listens on loopback only.
 */
public final class PrivatePostgres {

    private static final String APP_ROLE = "imagestore";

    private PrivatePostgres() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: PrivatePostgres <data-dir> <port> <database>[,<database>...]");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String[] databases = args[2].split(",");
        String password = System.getenv("IMAGESTORE_DB_PASSWORD");
        if (password == null || !password.matches("[A-Za-z0-9]{16,}")) {
            System.err.println("IMAGESTORE_DB_PASSWORD must hold the application's password (16+ letters and digits)");
            System.exit(2);
        }
        Files.createDirectories(dataDirectory);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // the embedded server's defaults are for throw-away test databases (fsync off): "committed" must
                // mean on disk here, since the FTP 226 promises it
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        for (String database : databases) {
            createDatabase(postgres, database, password);
        }
        requirePasswordFor(dataDirectory, postgres);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "private-postgres-stop"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (databases " + String.join(", ", databases) + ", data in " + dataDirectory + ")");
        stopped.await();
    }

    /** The application's role (password refreshed at every start) and its database. */
    private static void createDatabase(EmbeddedPostgres postgres, String database, String password) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain lowercase identifier: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean roleExists;
            try (ResultSet role = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                roleExists = role.next();
            }
            // the password is checked above to be letters and digits only
            s.execute((roleExists ? "alter" : "create") + " role " + APP_ROLE + " login password '" + password + "'");
            try (ResultSet exists = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!exists.next()) {
                    s.execute("create database " + database + " owner " + APP_ROLE);
                }
            }
        }
    }

    /**
     * The bundled server trusts local connections; the application's role must present its password. The
     * superuser stays trusted on loopback, which the embedded server's own start-up check relies on.
     */
    private static void requirePasswordFor(Path dataDirectory, EmbeddedPostgres postgres) throws IOException, SQLException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String rule = "host all " + APP_ROLE + " 127.0.0.1/32 scram-sha-256";
        String current = Files.readString(hba);
        if (!current.startsWith(rule)) {
            Files.writeString(hba, rule + "\n" + current);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
        }
    }
}
