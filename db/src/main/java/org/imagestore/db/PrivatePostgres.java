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
 * <p>Usage: {@code PrivatePostgres <data-dir> <port> <database>}
 */
public final class PrivatePostgres {

    private PrivatePostgres() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: PrivatePostgres <data-dir> <port> <database>");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String database = args[2];
        Files.createDirectories(dataDirectory);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        createDatabase(postgres, database);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "private-postgres-stop"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (database " + database + ", data in " + dataDirectory + ")");
        stopped.await();
    }

    private static void createDatabase(EmbeddedPostgres postgres, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain lowercase identifier: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            s.execute("create database " + database);
        }
    }
}
