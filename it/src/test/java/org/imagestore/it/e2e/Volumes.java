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

/** The files of node-1: its volume's blobs and the staging folder of uploads being received. */
final class Volumes {

    static final Path VOLUME = Path.of(Settings.required("imagestore.node.volume"));
    static final Path BLOBS = VOLUME.resolve("blobs");
    static final Path STAGING = VOLUME.resolve("staging");

    private Volumes() {
    }

    /** Where the image's blob is, if the node keeps it: {@code blobs/<group>/<id>}. */
    static Path blob(String imageId) {
        return BLOBS.resolve(imageId.substring(0, 2)).resolve(imageId);
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
     * Every file called {@code name} or holding exactly {@code bytes}, except {@code expected}, where a store that
     * let an FTP name escape its folders would have written it: under the store's home (Payara and the nodes'
     * folders) and around the volume (its parent, should the volume lie outside the home).
     */
    static List<Path> storeFilesNamedOrHolding(String name, byte[] bytes, Path expected) throws IOException {
        Path home = Settings.HOME.toRealPath();
        Path aroundVolume = VOLUME.toRealPath().getParent();
        List<Path> roots = aroundVolume.startsWith(home) ? List.of(home) : List.of(home, aroundVolume);
        Path blob = expected.toRealPath();
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!file.equals(blob) && (file.getFileName().toString().equals(name) || holds(file, attributes, bytes))) {
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
}
