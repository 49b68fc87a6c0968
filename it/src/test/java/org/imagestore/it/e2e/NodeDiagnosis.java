package org.imagestore.it.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a node that does not come up was doing, for the failure message: CI keeps only the end of the output and
 * not the node's log, so the message carries the log's last warnings and the stacks of the threads that deploy
 * the application (the full thread dump is written beside the log).
 */
final class NodeDiagnosis {

    private static final int RECORDS = 12;
    private static final int FRAMES = 14;

    private NodeDiagnosis() {
    }

    static String of(String name, Path log, Path pidFile) {
        StringBuilder text = new StringBuilder("log: ").append(log);
        text.append("\nlast warnings of ").append(name).append(':');
        lastWarnings(log).forEach(record -> text.append("\n  ").append(record));
        text.append("\ndeploying threads of ").append(name).append(':');
        deployingThreads(pidFile, log.resolveSibling("threads-" + System.currentTimeMillis() + ".txt"))
                .forEach(line -> text.append("\n  ").append(line));
        return text.toString();
    }

    /**
     * The first line of each of the last SEVERE and WARNING records (the log is Payara's ODL format), with the
     * record's deepest "Caused by" line: a failed deployment's own records are mostly consequences, its cause is
     * at the bottom of the one that says why.
     */
    private static List<String> lastWarnings(Path log) {
        List<String> records = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size() - 1; i++) {
                String header = lines.get(i);
                if (header.startsWith("[20") && (header.contains("[SEVERE]") || header.contains("[WARNING]"))) {
                    String[] fields = header.split("\\] \\[", 6); // time, product, level, id, logger, thread
                    String logger = fields.length > 4 ? fields[4] : "";
                    String record = header.substring(1, 24) + " " + logger + ": " + lines.get(i + 1).strip();
                    if (record.length() > 300) {
                        record = record.substring(0, 300) + "...";
                    }
                    String cause = null;
                    for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("[20"); j++) {
                        if (lines.get(j).startsWith("Caused by:")) {
                            cause = lines.get(j).strip();
                        }
                    }
                    records.add(cause == null ? record
                            : record + "\n    " + (cause.length() > 400 ? cause.substring(0, 400) + "..." : cause));
                }
            }
        } catch (IOException | RuntimeException e) {
            records.add("(log unreadable: " + e + ")");
        }
        return records.subList(Math.max(0, records.size() - RECORDS), records.size());
    }

    /** The top frames of the threads that start the server and deploy (RunLevelController, main), from jcmd. */
    private static List<String> deployingThreads(Path pidFile, Path dumpFile) {
        List<String> out = new ArrayList<>();
        try {
            String pid = Files.readString(pidFile).trim();
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
            Process process = new ProcessBuilder(jcmd.toString(), pid, "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dumpFile.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            out.add("(thread dump: " + dumpFile + ")");
            List<String> dump = Files.readAllLines(dumpFile, StandardCharsets.UTF_8);
            for (int i = 0; i < dump.size(); i++) {
                String line = dump.get(i);
                if (line.startsWith("\"RunLevelController") || line.startsWith("\"main\"")) {
                    out.add(line.substring(0, line.indexOf('"', 1) + 1));
                    for (int f = i + 1; f < Math.min(dump.size(), i + 1 + FRAMES) && !dump.get(f).isBlank(); f++) {
                        out.add("  " + dump.get(f).strip());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            out.add("(no thread dump: " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
