package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The nodes' files: their volumes' blobs, and the staging folder of node-1 (where the uploads the tests send to
 * node-1 are received). Volumes are listed in {@code imagestore.node.volumes}, in node order.
 */
final class Volumes {

    /** node-1's volume. */
    static final Path VOLUME = Path.of(Settings.required("imagestore.node.volume"));
    static final Path STAGING = VOLUME.resolve("staging");
    /** Every node's volume, node-1 first. */
    static final List<Path> ALL = Arrays.stream(System.getProperty("imagestore.node.volumes", VOLUME.toString())
            .split(",")).map(String::trim).map(Path::of).toList();

    private Volumes() {
    }

    /** The node's volume as the launcher configured it: its folder and, in the test store, its capacity. */
    static String spec(NodeAddress node) {
        String capacity = System.getProperty("imagestore.node.volume-capacity", "");
        return of(node) + (capacity.isBlank() ? "" : "@" + capacity);
    }

    /** The node's volume. */
    static Path of(NodeAddress node) {
        return ALL.get(node.number() - 1);
    }

    /** Where a node keeps the image's blob if it has a copy: {@code blobs/<group>/<id>} on its volume. */
    static Path blob(NodeAddress node, String imageId) {
        return of(node).resolve("blobs").resolve(imageId.substring(0, 2)).resolve(imageId);
    }

    /**
     * A copy of the image on some node, or (when no node has one) where node-1 would keep it, which does not
     * exist: {@code Files.exists(blob(id))} says whether any node has a copy.
     */
    static Path blob(String imageId) {
        return copies(imageId).stream().findFirst().orElse(blob(NodeAddress.NODE_1, imageId));
    }

    /** Every copy of the image on the nodes' volumes. */
    static List<Path> copies(String imageId) {
        return NodeAddress.ALL.stream().map(node -> blob(node, imageId)).filter(Files::isRegularFile).toList();
    }

    /** The nodes that have a copy of the image on their volume. */
    static List<String> nodesWithCopies(String imageId) {
        return NodeAddress.ALL.stream().filter(node -> Files.isRegularFile(blob(node, imageId)))
                .map(NodeAddress::name).toList();
    }

    /**
     * Waits until no node has a copy of the image (a copy written for a store that never committed is removed by
     * its node's sweeper within about a minute); fails naming the copies left.
     */
    static void awaitNoCopy(String imageId, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!copies(imageId).isEmpty() && System.nanoTime() < deadline) {
            Pause.millis(500);
        }
        assertEquals(List.of(), copies(imageId), "copies of image " + imageId + " that should be gone");
    }

    /** Files in the staging folder (uploads being received). */
    static List<Path> stagingFiles() {
        if (!Files.isDirectory(STAGING)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(STAGING)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to a generous bound) until the staging folder is empty; fails naming the leftovers. */
    static void awaitStagingEmpty() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!stagingFiles().isEmpty() && System.nanoTime() < deadline) {
            Pause.millis(200);
        }
        assertEquals(List.of(), stagingFiles(), "leftovers in the staging folder " + STAGING);
    }

    /** Waits until an upload being received has at least this many bytes in the staging folder. */
    static void awaitStagingFileOfAtLeast(long bytes) {
        for (int i = 0; i < 300; i++) {
            for (Path staged : stagingFiles()) {
                try {
                    if (Files.size(staged) >= bytes) {
                        return;
                    }
                } catch (IOException gone) {
                    // raced with its removal
                }
            }
            Pause.millis(100);
        }
        throw new AssertionError("the server never staged " + bytes + " bytes of the upload: " + stagingFiles());
    }

    /**
     * Every file called {@code name} or holding exactly {@code bytes}, except the {@code expected} copies, where a store that
     * let an FTP name escape its folders would have written it: under the store's home (Payara and the nodes'
     * folders) and around the volume (its parent, should the volume lie outside the home).
     */
    static List<Path> storeFilesNamedOrHolding(String name, byte[] bytes, List<Path> expected) throws IOException {
        Path home = Settings.HOME.toRealPath();
        Path aroundVolume = VOLUME.toRealPath().getParent();
        List<Path> roots = aroundVolume.startsWith(home) ? List.of(home) : List.of(home, aroundVolume);
        List<Path> blobs = new ArrayList<>();
        for (Path copy : expected) {
            blobs.add(copy.toRealPath());
        }
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!blobs.contains(file) && (file.getFileName().toString().equals(name) || holds(file, attributes, bytes))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // logs, database and broker files come and go while the store runs
                }
            });
        }
        return found;
    }

    private static boolean holds(Path file, BasicFileAttributes attributes, byte[] bytes) {
        if (!attributes.isRegularFile() || attributes.size() != bytes.length) {
            return false;
        }
        try {
            return Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException gone) {
            return false;
        }
    }

    /** Waits until the node holds a copy of the image that is marked pending (written, not yet committed). */
    static void awaitPendingCopy(NodeAddress node, String id, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(blob(node, id)) && !pendingMarks(node, id).isEmpty()) {
                return;
            }
            Pause.millis(100);
        }
        throw new AssertionError(node.name() + " never held a pending copy of " + id);
    }

    static void awaitPendingCopy(NodeAddress node, String id) {
        awaitPendingCopy(node, id, Duration.ofSeconds(25));
    }

    /** The pending marks of the image on every node. */
    static List<Path> pendingMarks(String id) {
        return NodeAddress.ALL.stream().flatMap(node -> pendingMarks(node, id).stream()).toList();
    }

    private static List<Path> pendingMarks(NodeAddress node, String id) {
        try (Stream<Path> marks = Files.list(of(node).resolve("pending"))) {
            return marks.filter(m -> m.getFileName().toString().startsWith(id + ".")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
