package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./imagestore} commands against the store under test, as its operator would type them. The launcher
 * finds that store through {@code IMAGESTORE_HOME} and {@code IMAGESTORE_PORT_OFFSET}, which {@code ./imagestore test}
 * exports to the tests.
 */
final class Launcher {

    private static final Path LAUNCHER = Path.of(Settings.required("imagestore.launcher"));

    private Launcher() {
    }

    /** Runs the command with these extra environment variables; fails the test unless it exits 0 within 10 minutes. */
    static String run(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        try {
            // to a file, not a pipe: servers the command starts in the background keep its output open
            Path log = Files.createTempFile("imagestore-launcher", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean ended = process.waitFor(10, TimeUnit.MINUTES);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            assertTrue(ended && process.exitValue() == 0, () -> String.join(" ", command) + " failed: " + output);
            System.out.print(output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
