package org.imagestore.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.imagestore.image.ImageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeTest {

    private static final long CAPACITY = 1000;

    @TempDir
    Path temp;

    private Volume open(OptionalLong capacity) throws IOException {
        return Volume.open(new VolumeSpec(temp.resolve("volume"), capacity));
    }

    /** A staged upload of {@code size} bytes and the id of its content. */
    private record Staged(Path file, ImageId id, byte[] content) {
    }

    private Staged stage(String name, int size) throws IOException, NoSuchAlgorithmException {
        byte[] content = (name + "-").repeat(size).substring(0, size).getBytes(StandardCharsets.US_ASCII);
        Path file = Files.createDirectories(temp.resolve("staging")).resolve(name + ".upload");
        Files.write(file, content);
        return new Staged(file, ImageId.ofSha256(MessageDigest.getInstance("SHA-256").digest(content)), content);
    }

    @Test
    void openGivesANewVolumeAnIdFile() throws IOException {
        Volume volume = open(OptionalLong.empty());
        assertTrue(volume.id().matches("v-[0-9a-f]{8}"), volume.id());
        assertEquals(volume.id() + "\n", Files.readString(temp.resolve("volume/imagestore-volume.id")));
        assertTrue(Files.isDirectory(temp.resolve("volume/blobs")));
        assertFalse(Files.exists(temp.resolve("volume/imagestore-volume.id.new")));
    }

    @Test
    void reopeningKeepsTheId() throws IOException {
        String first = open(OptionalLong.empty()).id();
        assertEquals(first, open(OptionalLong.empty()).id());
    }

    @Test
    void anIdWrittenByHandIsKept() throws IOException {
        Files.createDirectories(temp.resolve("volume"));
        Files.writeString(temp.resolve("volume/imagestore-volume.id"), "v-disk7\n");
        assertEquals("v-disk7", open(OptionalLong.empty()).id());
    }

    @Test
    void refusesADamagedIdFile() throws IOException {
        Files.createDirectories(temp.resolve("volume"));
        Files.writeString(temp.resolve("volume/imagestore-volume.id"), "../../etc\n");
        IOException e = assertThrows(IOException.class, () -> open(OptionalLong.empty()));
        assertEquals("volume id file " + temp.resolve("volume/imagestore-volume.id") + " is damaged", e.getMessage());
    }

    @Test
    void adoptMovesTheStagedFileIntoItsGroupFolder() throws Exception {
        Volume volume = open(OptionalLong.of(CAPACITY));
        Staged staged = stage("a", 600);

        Path blob = volume.adopt(staged.file(), staged.id());

        assertEquals(temp.resolve("volume/blobs").resolve(staged.id().group()).resolve(staged.id().value()), blob);
        assertEquals(blob, volume.blobPath(staged.id()));
        assertArrayEquals(staged.content(), Files.readAllBytes(blob));
        assertFalse(Files.exists(staged.file()), "the staged file is consumed");
        assertEquals(600, volume.usedBytes());
    }

    @Test
    void adoptingTheSameContentAgainOnlyDropsTheStagedFile() throws Exception {
        Volume volume = open(OptionalLong.of(CAPACITY));
        Staged first = stage("a", 600);
        Path blob = volume.adopt(first.file(), first.id());
        Staged again = stage("a", 600);

        assertEquals(blob, volume.adopt(again.file(), again.id()));

        assertFalse(Files.exists(again.file()));
        assertArrayEquals(first.content(), Files.readAllBytes(blob));
        assertEquals(600, volume.usedBytes(), "counted once");
    }

    @Test
    void findsOnlyAdoptedBlobs() throws Exception {
        Volume volume = open(OptionalLong.empty());
        Staged staged = stage("a", 10);
        assertEquals(Optional.empty(), volume.find(staged.id()));

        Path blob = volume.adopt(staged.file(), staged.id());

        assertEquals(Optional.of(blob), volume.find(staged.id()));
        assertEquals(Optional.empty(), volume.find(stage("b", 10).id()));
    }

    @Test
    void aCopyFromAnotherNodeIsKeptWhenItsBytesAreTheImages() throws Exception {
        Volume volume = open(OptionalLong.empty());
        Staged sent = stage("sent", 300_000);

        Path received = volume.receive(new ByteArrayInputStream(sent.content()), sent.id());

        assertArrayEquals(sent.content(), Files.readAllBytes(received));
        volume.adopt(received, sent.id());
        assertArrayEquals(sent.content(), Files.readAllBytes(volume.find(sent.id()).orElseThrow()));
    }

    @Test
    void aCopyCutShortOrDamagedOnTheWayIsRefusedAndNothingIsLeft() throws Exception {
        Volume volume = open(OptionalLong.empty());
        Staged sent = stage("sent", 300_000);
        byte[] damaged = sent.content().clone();
        damaged[123_456] ^= 1;
        byte[] cut = java.util.Arrays.copyOf(sent.content(), 200_000);

        for (byte[] arriving : List.of(damaged, cut)) {
            IOException refused = assertThrows(IOException.class,
                    () -> volume.receive(new ByteArrayInputStream(arriving), sent.id()));
            assertTrue(refused.getMessage().contains("not kept"), refused::getMessage);
        }
        try (var left = Files.list(volume.root().resolve("incoming"))) {
            assertEquals(List.of(), left.toList(), "nothing left of the refused copies");
        }
        assertTrue(volume.find(sent.id()).isEmpty());
    }

    @Test
    void pendingMarksOutliveTheProcessUntilCleared() throws Exception {
        Volume volume = open(OptionalLong.empty());
        Staged a = stage("a", 10);
        PendingBlob first = volume.markPending(a.id());
        PendingBlob second = volume.markPending(a.id()); // a second store of the same bytes has its own mark
        volume.adopt(a.file(), a.id());

        // as the next start finds them, in a new process
        Volume reopened = open(OptionalLong.empty());
        assertEquals(2, reopened.pendingBlobs().size());
        assertTrue(reopened.pendingBlobs().stream().allMatch(p -> p.id().equals(a.id())));

        first.clear();
        assertEquals(List.of(second.mark()), reopened.pendingBlobs().stream().map(PendingBlob::mark).toList());
        second.clear();
        assertEquals(List.of(), reopened.pendingBlobs());
        assertTrue(reopened.find(a.id()).isPresent(), "clearing a mark leaves the blob alone");
    }

    @Test
    void forgettingImagesPendingMarksLeavesOtherImagesMarksAndTheBlobs() throws Exception {
        Volume volume = open(OptionalLong.empty());
        Staged a = stage("a", 10);
        Staged b = stage("b", 10);
        Staged c = stage("c", 10);
        volume.markPending(a.id());
        volume.markPending(a.id());
        PendingBlob other = volume.markPending(b.id());
        volume.markPending(c.id());
        volume.adopt(a.file(), a.id());
        volume.adopt(c.file(), c.id());

        volume.forgetPending(Set.of(a.id(), c.id()));

        assertEquals(List.of(other.mark()), volume.pendingBlobs().stream().map(PendingBlob::mark).toList());
        assertTrue(volume.find(a.id()).isPresent(), "the placed blob stays");
        assertTrue(volume.find(c.id()).isPresent(), "the placed blob stays");
    }

    @Test
    void filesInThePendingFolderThatAreNotMarksAreIgnored() throws Exception {
        Volume volume = open(OptionalLong.empty());
        Files.writeString(temp.resolve("volume/pending/notes.txt"), "x");
        Files.writeString(temp.resolve("volume/pending/noextension"), "x");
        assertEquals(List.of(), volume.pendingBlobs());
    }

    @Test
    void deleteRemovesTheBlobOnce() throws Exception {
        Volume volume = open(OptionalLong.of(CAPACITY));
        Staged a = stage("a", 600);
        Staged b = stage("b", 100);
        volume.adopt(a.file(), a.id());
        volume.adopt(b.file(), b.id());

        assertTrue(volume.delete(a.id()));
        assertFalse(volume.delete(a.id()));

        assertEquals(Optional.empty(), volume.find(a.id()));
        assertTrue(volume.find(b.id()).isPresent());
        assertEquals(100, volume.usedBytes());
    }

    @Test
    void hasRoomWithinTheConfiguredCapacityOnly() throws Exception {
        Volume volume = open(OptionalLong.of(CAPACITY));
        Staged staged = stage("a", 600);
        volume.adopt(staged.file(), staged.id());

        assertTrue(volume.hasRoomFor(400, 0));
        assertFalse(volume.hasRoomFor(401, 0));
        assertFalse(volume.hasRoomFor(1, Long.MAX_VALUE), "the filesystem reserve applies too");
    }

    @Test
    void usedFractionIsStoredBytesAgainstTheConfiguredCapacity() throws Exception {
        Volume volume = open(OptionalLong.of(CAPACITY));
        assertEquals(CAPACITY, volume.capacityBytes());
        assertEquals(0.0, volume.usedFraction());
        Staged staged = stage("a", 250);

        volume.adopt(staged.file(), staged.id());

        assertEquals(0.25, volume.usedFraction());
    }

    @Test
    void accountingStartsFromWhatTheCatalogueSaysIsStored() throws IOException {
        Volume volume = open(OptionalLong.of(CAPACITY));
        volume.accountStored(900);
        assertEquals(0.9, volume.usedFraction());
        assertTrue(volume.hasRoomFor(100, 0));
        assertFalse(volume.hasRoomFor(101, 0));
    }

    @Test
    void withoutAConfiguredCapacityTheFilesystemCounts() throws IOException {
        Volume volume = open(OptionalLong.empty());
        assertEquals(Files.getFileStore(temp).getTotalSpace(), volume.capacityBytes());
        assertTrue(volume.usedFraction() >= 0 && volume.usedFraction() <= 1, String.valueOf(volume.usedFraction()));
    }
}
