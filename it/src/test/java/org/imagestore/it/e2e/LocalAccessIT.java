package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import org.junit.jupiter.api.Test;

/**
 * What another user of the same machine can reach: the private PostgreSQL wants a password from every role, the
 * superuser too (whose {@code COPY ... PROGRAM} would run commands); the secrets and the rendered asadmin files
 * (which carry passwords and keys) are readable by the store's own user only.
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
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("domain.asadmin")), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("db-superuser-password")), files::toString);
        for (Path file : files) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            assertEquals(Set.of(), intersection(permissions, others), () -> file + " is " + permissions);
        }
    }

    private static Set<PosixFilePermission> intersection(Set<PosixFilePermission> a, Set<PosixFilePermission> b) {
        return a.stream().filter(b::contains).collect(java.util.stream.Collectors.toSet());
    }
}
