package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The folder where uploads land while they are being received. Each upload gets its own file name, so a
 * client's retry never writes into a file that is still being stored. Leftovers from a crash are removed at
 * start: they were never acknowledged.
 */
final class StagingArea {

    private static final Logger LOG = Logger.getLogger(StagingArea.class.getName());
    private static final String SUFFIX = ".upload";

    private final Path folder;

    StagingArea(Path folder) {
        this.folder = folder;
    }

    void prepare() {
        try {
            Files.createDirectories(folder);
            int removed = 0;
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                    removed++;
                }
            }
            if (removed > 0) {
                LOG.info("removed " + removed + " unacknowledged partial uploads from " + folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("FTP staging folder " + folder + " is not usable", e);
        }
    }

    Path newFile() {
        return folder.resolve(UUID.randomUUID() + SUFFIX);
    }
}
