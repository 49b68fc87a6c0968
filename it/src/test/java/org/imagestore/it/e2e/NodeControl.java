package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills, restarts and reconfigures a node of the store under test, as an operator (or a power cut) would:
 * SIGKILL to its JVM, {@code asadmin} through the DAS for the rest.
 */
final class NodeControl {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);
    private static final Path PAYARA = Path.of(System.getProperty("payara.home", "/nonexistent"));

    private final NodeAddress node;
    private final Path instance;
    private final Http http;

    private NodeControl(NodeAddress node) {
        this.node = node;
        this.instance = PAYARA.resolve("glassfish/nodes/localhost-imagestore").resolve(node.name());
        this.http = new Http(node);
    }

    static NodeControl of(NodeAddress node) {
        return new NodeControl(node);
    }

    /**
     * Starts every node of the cluster that does not answer, and restarts one that answers without being healthy
     * (a test that failed half-way may leave one down, or up without its application).
     */
    static void startAnyThatIsNotHealthy() {
        for (NodeAddress node : NodeAddress.ALL) {
            try {
                int status = new Http(node).status("/health", Duration.ofSeconds(5));
                if (status != 200) {
                    of(node).awaitHealthyOrRestart(status);
                }
            } catch (IOException down) {
                of(node).start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    NodeAddress address() {
        return node;
    }

    /** The lines of the node's server log (the current file; Payara rotates it at 2 MB). */
    static java.util.stream.Stream<String> logOf(NodeAddress node) {
        try {
            return Files.readAllLines(of(node).log(), StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL to the node's JVM, and waits until it is gone: no shutdown hook, no orderly close of anything. */
    void kill() {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile()).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file of " + node.name() + " under " + instance, e);
        }
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(node.name() + " (pid " + pid + ") is not running"));
        String command = commandLine(pid);
        // the pid file could be stale: never kill anything but this store's node
        assertTrue(command.contains("-Dcom.sun.aas.instanceRoot=" + instance), () -> "pid " + pid + " is not " + node.name() + ": " + command);
        jvm.destroyForcibly();
        awaitDeath(pid);
        System.out.println(node.name() + " killed (SIGKILL)");
    }

    /**
     * Waits until the process is gone or a zombie: a killed node's JVM has been re-parented to the machine's init,
     * which may reap it late or never, so {@code ProcessHandle.onExit} cannot be relied on.
     */
    private static void awaitDeath(long pid) {
        Path stat = Path.of("/proc/" + pid + "/stat");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String fields = Files.readString(stat);
                char state = fields.charAt(fields.lastIndexOf(')') + 2); // the field after "(command)"
                if (state == 'Z' || state == 'X') {
                    return;
                }
            } catch (IOException gone) {
                return;
            }
            Pause.millis(50);
        }
        throw new AssertionError("process " + pid + " still runs 30 s after SIGKILL");
    }

    private static String commandLine(long pid) {
        try { // ProcessHandle.Info leaves out the arguments of long command lines
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the node again and waits until its /health says UP. */
    void start() {
        long started = System.nanoTime();
        asadmin("start-instance", node.name());
        awaitHealthy();
        System.out.printf("%s healthy %.1f s after start-instance%n", node.name(), (System.nanoTime() - started) / 1e9);
    }

    void restart() {
        asadmin("stop-instance", node.name());
        start();
    }

    /** Sets (or replaces) one of the node's system properties; it applies when the node (re)starts. */
    void setProperty(String name, String value) {
        asadmin("create-system-properties", "--target", node.name(), name + "=" + value.replace(":", "\\:"));
    }

    /** A node that answers without being healthy may still be deploying; if it does not get there, it is restarted. */
    private void awaitHealthyOrRestart(int status) {
        System.out.println(node.name() + " answers /health with " + status + ": waiting for it");
        try {
            awaitHealthy();
        } catch (AssertionError stuck) {
            System.out.println(stuck.getMessage() + "\nrestarting " + node.name());
            restart();
        }
    }

    /**
     * Waits until /health says UP. A node restarted while the others copy groups under load deploys the application
     * in 60-110 s on a 2-core machine; in one CI run it still answered 404 (deploying) after 240 s: the wait allows 420 s.
     */
    void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            try {
                status = http.status("/health", Duration.ofSeconds(5));
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Pause.millis(500);
        }
        throw new AssertionError(node.name() + " not healthy within " + START_TIMEOUT.toSeconds() + " s (last /health status " + status + "); "
                + NodeDiagnosis.of(node.name(), log(), pidFile()));
    }

    Path log() {
        return instance.resolve("logs/server.log");
    }

    private Path pidFile() {
        return instance.resolve("config/pid");
    }

    /** A dotted name's value in the running domain, as {@code asadmin get} gives it. */
    static String setting(String dottedName) {
        String prefix = dottedName + "=";
        return asadmin("get", dottedName).lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("asadmin get " + dottedName + ": no value"));
    }

    private static String asadmin(String... command) {
        Path passwordFile = null;
        try {
            passwordFile = Files.createTempFile("asadmin", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=" + System.getProperty("imagestore.admin.password") + "\n");
            List<String> line = new ArrayList<>(List.of(PAYARA.resolve("bin/asadmin").toString(),
                    "--port", System.getProperty("imagestore.admin.port"), "--user", "admin",
                    "--passwordfile", passwordFile.toString(), "--interactive=false"));
            line.addAll(List.of(command));
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("asadmin " + String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
