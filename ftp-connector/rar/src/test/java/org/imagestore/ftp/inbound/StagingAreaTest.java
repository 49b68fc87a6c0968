package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.imagestore.ftp.api.StagedFileSync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {

    @TempDir
    Path temp;

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void prepareCreatesAMissingFolder() {
        Path folder = temp.resolve("a/b/staging");
        new StagingArea(folder).prepare();
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void prepareRemovesLeftoverUploadsOnly() throws IOException {
        Files.writeString(temp.resolve("3f0c.upload"), "partial");
        Files.writeString(temp.resolve("91ab.upload"), "partial");
        Files.writeString(temp.resolve("notes.txt"), "keep");
        Files.writeString(temp.resolve("x.upload.keep"), "keep");
        Files.writeString(temp.resolve("upload"), "keep");
        new StagingArea(temp).prepare();
        assertEquals(List.of("notes.txt", "upload", "x.upload.keep"), namesIn(temp));
    }

    @Test
    void prepareRefusesAFolderThatIsAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("staging"), "not a folder");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new StagingArea(file).prepare());
        assertEquals("FTP staging folder " + file + " is not usable", e.getMessage());
    }

    @Test
    void newFilesAreUniqueUploadNamesInTheFolderAndNotYetCreated() throws IOException {
        StagingArea staging = new StagingArea(temp);
        Set<Path> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Path file = staging.newFile();
            assertEquals(temp, file.getParent());
            assertTrue(file.getFileName().toString().endsWith(".upload"), file.toString());
            assertFalse(Files.exists(file));
            assertTrue(seen.add(file), "repeated " + file);
        }
        assertEquals(List.of(), namesIn(temp));
    }

    @Test
    void newFilesAreRemovedByTheNextPrepare() throws IOException {
        StagingArea staging = new StagingArea(temp);
        Files.writeString(staging.newFile(), "interrupted upload");
        staging.prepare();
        assertEquals(List.of(), namesIn(temp));
    }

    @Test
    void aBackgroundSyncHasRunAndClosedTheFileWhenAwaitReturns() throws IOException {
        StagingArea staging = new StagingArea(temp);
        Path file = staging.newFile();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap("photo".getBytes(StandardCharsets.US_ASCII)));

        staging.syncInBackground(channel).await();

        assertFalse(channel.isOpen(), "closed once synced");
        assertEquals("photo", Files.readString(file));
        staging.close();
    }

    @Test
    void aFailedBackgroundSyncIsReportedByAwait() throws IOException {
        StagingArea staging = new StagingArea(temp);
        FileChannel channel = FileChannel.open(staging.newFile(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.close(); // its force() fails

        StagedFileSync synced = staging.syncInBackground(channel);

        assertThrows(ClosedChannelException.class, synced::await);
        staging.close();
    }

    @Test
    void aClosedAreaSyncsOnTheCallersThread() throws IOException {
        StagingArea staging = new StagingArea(temp);
        staging.close();
        FileChannel channel = FileChannel.open(staging.newFile(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

        StagedFileSync synced = staging.syncInBackground(channel);

        assertFalse(channel.isOpen(), "synced and closed before it returned");
        synced.await();
    }
}
