package org.imagestore.db;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A hot standby of a private primary on the same machine, made without {@code pg_basebackup} (the bundled
 * binaries have only {@code initdb}, {@code pg_ctl} and {@code postgres}): PostgreSQL's low-level backup API around
 * a file copy of the running primary, a replication slot that keeps the WAL the copy needs, then streaming
 * replication. Once it streams, the primary waits for it on every commit ({@code synchronous_standby_names}), so
 * that what the primary acknowledged survives the primary's loss.
 */
final class Standby {

    static final String OPTION = "standby-of=";
    static final String NAME = "imagestore_standby";
    /** What a copy of a running data folder must not take: the primary's process files, its WAL and slots. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "standby.signal",
            "backup_label", "tablespace_map");
    private static final Set<String> COPIED_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp");

    private final Path primaryData;
    private final int primaryPort;
    private final String superuserPassword;

    private Standby(Path primaryData, int primaryPort, String superuserPassword) {
        this.primaryData = primaryData;
        this.primaryPort = primaryPort;
        this.superuserPassword = superuserPassword;
    }

    /** From {@code <primary-data-dir>@<primary-port>}. */
    static Standby of(String primary, String superuserPassword) {
        int at = primary.lastIndexOf('@');
        if (at < 1) {
            throw new IllegalArgumentException(OPTION + " needs <primary-data-dir>@<primary-port>, not " + primary);
        }
        return new Standby(Path.of(primary.substring(0, at)).toAbsolutePath(), Integer.parseInt(primary.substring(at + 1)),
                superuserPassword);
    }

    /** Copies the running primary into {@code data}, unless it holds a server already (a standby made before). */
    void copyPrimaryInto(Path data) throws SQLException, IOException {
        if (Files.exists(data.resolve("postgresql.conf"))) {
            return;
        }
        try (Connection primary = primary(); Statement s = primary.createStatement()) {
            try (ResultSet slot = s.executeQuery("select 1 from pg_replication_slots where slot_name = '" + NAME + "'")) {
                if (!slot.next()) {
                    s.execute("select pg_create_physical_replication_slot('" + NAME + "', true)");
                }
            }
            s.execute("select pg_backup_start('" + NAME + "', true)");
            copyFiles(data);
            try (ResultSet stop = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(data.resolve("backup_label"), stop.getString(1));
                String tablespaces = stop.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(data.resolve("tablespace_map"), tablespaces);
                }
            }
        }
        Files.createFile(data.resolve("standby.signal"));
        // the password is letters and digits only (PrivatePostgres checks it)
        Files.writeString(data.resolve("postgresql.auto.conf"), "\n# imagestore: a standby of the primary on port "
                + primaryPort + "\nprimary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres password="
                + superuserPassword + " application_name=" + NAME + "'\nprimary_slot_name = '" + NAME + "'\n"
                // promoted, it has no standby of its own to wait for
                + "synchronous_standby_names = ''\n", StandardOpenOption.APPEND);
    }

    private void copyFiles(Path data) throws IOException {
        Files.walkFileTree(primaryData, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = data.resolve(primaryData.relativize(dir).toString());
                Files.createDirectories(target);
                if (COPIED_EMPTY.contains(dir.getFileName().toString()) && dir.getParent().equals(primaryData)) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!NOT_COPIED.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(file, data.resolve(primaryData.relativize(file).toString()),
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException dropped) {
                        // removed while copying (a temporary file): the WAL replay does without it
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /**
     * Waits until this standby streams from the primary, then makes the primary wait for it on every commit. A
     * standby that was promoted meanwhile (it is a primary now) has nothing to wait for.
     */
    void awaitStreamingAndMakeSynchronous() throws SQLException, InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            try (Connection primary = primary(); Statement s = primary.createStatement();
                    ResultSet state = s.executeQuery("select state from pg_stat_replication where application_name = '"
                            + NAME + "'")) {
                if (state.next() && "streaming".equals(state.getString(1))) {
                    s.execute("alter system set synchronous_standby_names = '" + NAME + "'");
                    s.execute("select pg_reload_conf()");
                    return;
                }
            } catch (SQLException primaryDown) {
                System.err.println("the primary on port " + primaryPort + " does not answer: " + primaryDown.getMessage());
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the standby did not start streaming from port " + primaryPort + " within 60 s");
    }

    private Connection primary() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres", "postgres",
                superuserPassword);
    }
}
