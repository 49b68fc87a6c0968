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
 * <p>Usage: {@code PrivatePostgres <data-dir> <port> <database>[,<database>...] [standby-of=<primary-data-dir>@<port>]},
 * with the application's password in the environment variable {@code IMAGESTORE_DB_PASSWORD} and the superuser's in
 * {@code IMAGESTORE_DB_SUPERUSER_PASSWORD}. The application connects as role {@code imagestore} with its password
 * (SCRAM); the server listens on loopback only and every role, the superuser too, must present its password:
 * another local user cannot get in.
 *
 * <p>With {@code standby-of}, the server is a hot standby of a private primary on this machine ({@link Standby}):
 * a copy of the primary's data taken while it runs, then streaming replication, synchronous, so that a commit the
 * primary acknowledged is on the standby too. {@code SELECT pg_promote()} makes it the primary.
 */
public final class PrivatePostgres {

    private static final String APP_ROLE = "imagestore";

    private PrivatePostgres() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        if (args.length != 3 && !(args.length == 4 && args[3].startsWith(Standby.OPTION))) {
            System.err.println("usage: PrivatePostgres <data-dir> <port> <database>[,<database>...]"
                    + " [" + Standby.OPTION + "<primary-data-dir>@<primary-port>]");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String[] databases = args[2].split(",");
        String password = requiredPassword("IMAGESTORE_DB_PASSWORD", "the application's");
        String superuserPassword = requiredPassword("IMAGESTORE_DB_SUPERUSER_PASSWORD", "the superuser's");
        Files.createDirectories(dataDirectory);
        Standby standby = args.length == 4 ? Standby.of(args[3].substring(Standby.OPTION.length()), superuserPassword) : null;
        if (standby != null) {
            standby.copyPrimaryInto(dataDirectory);
        }

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
                // how this process connects as the superuser, once the password is required
                .setConnectConfig("password", superuserPassword)
                .start();
        if (standby == null) {
            for (String database : databases) {
                createDatabase(postgres, database, password);
            }
            requirePasswords(dataDirectory, postgres, superuserPassword);
        } else {
            standby.awaitStreamingAndMakeSynchronous();
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "private-postgres-stop"));
        System.out.println("PostgreSQL " + (standby == null ? "" : "standby ") + "ready on 127.0.0.1:" + port + " (databases " + String.join(", ", databases) + ", data in " + dataDirectory + ")");
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
     * The bundled server trusts every local connection, the superuser's too (and its {@code COPY ... PROGRAM}
     * runs commands): the superuser gets a password, and the only rule left asks every role for its password,
     * over loopback TCP (no Unix-socket rule: a socket connection finds no rule and is refused).
     */
    private static void requirePasswords(Path dataDirectory, EmbeddedPostgres postgres, String superuserPassword)
            throws IOException, SQLException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String rules = "# imagestore: every role presents its password (SCRAM), over loopback TCP only\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n"
                + "# a standby streams as the superuser (PrivatePostgres standby-of=...)\n"
                + "host replication postgres 127.0.0.1/32 scram-sha-256\n";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // letters and digits only, checked above
            s.execute("alter role postgres password '" + superuserPassword + "'");
            if (!Files.readString(hba).equals(rules)) {
                Files.writeString(hba, rules);
                s.execute("select pg_reload_conf()");
            }
        }
    }

    private static String requiredPassword(String variable, String whose) {
        String password = System.getenv(variable);
        if (password == null || !password.matches("[A-Za-z0-9]{16,}")) {
            System.err.println(variable + " must hold " + whose + " password (16+ letters and digits)");
            System.exit(2);
        }
        return password;
    }
}
