package org.imagestore.volume;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.imagestore.image.ImageId;

/**
 * An opened volume. Its id is written into the folder itself on first use, so placements stay right if the
 * mount point changes.
 */
public final class Volume {

    private static final String ID_FILE = "imagestore-volume.id";

    private final String id;
    private final Path root;
    private final Path blobs;
    private final Path pending;
    private final Path incoming;
    private final OptionalLong capacityBytes;
    private final FileStore fileStore;
    private final AtomicLong storedBytes = new AtomicLong();

    private Volume(String id, Path root, OptionalLong capacityBytes) throws IOException {
        this.id = id;
        this.root = root;
        this.blobs = root.resolve("blobs");
        this.pending = root.resolve("pending");
        this.incoming = root.resolve("incoming");
        this.capacityBytes = capacityBytes;
        Files.createDirectories(blobs);
        Files.createDirectories(pending);
        Files.createDirectories(incoming);
        this.fileStore = Files.getFileStore(blobs);
    }

    /** Opens the volume, giving it an id on first use. */
    public static Volume open(VolumeSpec spec) throws IOException {
        Files.createDirectories(spec.root());
        Path idFile = spec.root().resolve(ID_FILE);
        if (!Files.exists(idFile)) {
            String fresh = "v-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            Path tmp = spec.root().resolve(ID_FILE + ".new");
            Files.writeString(tmp, fresh + "\n", StandardCharsets.US_ASCII);
            Durable.syncFile(tmp);
            Files.move(tmp, idFile, StandardCopyOption.ATOMIC_MOVE);
            Durable.syncFolder(spec.root());
        }
        String id = Files.readString(idFile, StandardCharsets.US_ASCII).trim();
        if (!id.matches("[a-z0-9-]{1,64}")) {
            throw new IOException("volume id file " + idFile + " is damaged");
        }
        return new Volume(id, spec.root(), spec.capacityBytes());
    }

    public String id() {
        return id;
    }

    public Path root() {
        return root;
    }

    /** Bytes the store may use here: as configured, or the whole filesystem. */
    public long capacityBytes() {
        return capacityBytes.orElseGet(this::filesystemTotal);
    }

    /** Bytes in use: our blobs against a configured capacity, else everything on the filesystem. */
    public long usedBytes() {
        return capacityBytes.isPresent() ? storedBytes.get() : filesystemTotal() - filesystemUsable();
    }

    public double usedFraction() {
        long capacity = capacityBytes();
        return capacity == 0 ? 1.0 : (double) usedBytes() / capacity;
    }

    /** Whether a blob of this size fits, keeping {@code reserveBytes} of the filesystem free. */
    public boolean hasRoomFor(long bytes, long reserveBytes) {
        boolean filesystemRoom = filesystemUsable() - bytes >= reserveBytes;
        boolean capacityRoom = capacityBytes.isEmpty() || storedBytes.get() + bytes <= capacityBytes.getAsLong();
        return filesystemRoom && capacityRoom;
    }

    void accountStored(long bytes) {
        storedBytes.set(bytes);
    }

    public Path blobPath(ImageId id) {
        return blobs.resolve(id.group()).resolve(id.value());
    }

    public Optional<Path> find(ImageId id) {
        Path path = blobPath(id);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Makes {@code staged} the blob of {@code id}, durably: a rename when it is on this filesystem, otherwise a
     * copy that is fsync'd before it is renamed into place. If the blob exists already (same id, same bytes)
     * the staged file is simply dropped. The kept blob's pages are then given back to the kernel ({@link PageCache}):
     * whoever stored it has read it for the last time.
     */
    public Path adopt(Path staged, ImageId id) throws IOException {
        Path target = blobPath(id);
        Path group = target.getParent();
        if (!Files.isDirectory(group)) {
            Files.createDirectories(group);
            Durable.syncFolder(blobs);
        }
        if (Files.isRegularFile(target)) {
            Files.deleteIfExists(staged);
            return target;
        }
        long bytes = Files.size(staged);
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException differentFilesystem) {
            Path incoming = group.resolve(id.value() + ".incoming-" + UUID.randomUUID());
            try {
                Files.copy(staged, incoming);
                Durable.syncFile(incoming);
                Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(incoming);
            }
            Files.deleteIfExists(staged);
        }
        Durable.syncFolder(group);
        storedBytes.addAndGet(bytes);
        PageCache.release(target);
        return target;
    }

    /**
     * Writes a copy arriving from another node into this volume's incoming folder, fsync'd, and checks that its
     * bytes are the image's (the id is their digest). Adopt the returned file to make it the blob.
     */
    public Path receive(InputStream in, ImageId id) throws IOException {
        Path file = incoming.resolve(id.value() + "." + UUID.randomUUID());
        MessageDigest sha256 = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(new DigestOutputStream(Channels.newOutputStream(channel), sha256),
                    64 * 1024);
            in.transferTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        ImageId received = ImageId.ofSha256(sha256.digest());
        if (!received.equals(id)) {
            Files.deleteIfExists(file);
            throw new IOException("the bytes received for image " + id + " are those of " + received
                    + " (cut short or damaged on the way): not kept");
        }
        return file;
    }

    /** Deletes copies that stopped arriving (the sender died mid-way) and are older than {@code age}. */
    public int removeStaleIncoming(java.time.Duration age) throws IOException {
        java.time.Instant before = java.time.Instant.now().minus(age);
        int removed = 0;
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Marks a blob about to be adopted for a transaction that has not committed yet, durably and before the blob
     * itself is in place: if the node dies before the commit, the mark says which blob may be an orphan.
     */
    public PendingBlob markPending(ImageId id) throws IOException {
        Path mark = pending.resolve(id.value() + "." + UUID.randomUUID());
        Files.createFile(mark);
        Durable.syncFolder(pending);
        return new PendingBlob(id, this, mark);
    }

    /** Clears every pending mark of these images on this volume: committed placements use their blobs here. */
    public void forgetPending(Set<ImageId> ids) throws IOException {
        for (PendingBlob mark : pendingBlobs()) {
            if (ids.contains(mark.id())) {
                mark.clear();
            }
        }
    }

    /** Marks left by stores that never ended: the node died between adopting their blobs and committing. */
    public List<PendingBlob> pendingBlobs() throws IOException {
        try (Stream<Path> marks = Files.list(pending)) {
            return marks.flatMap(mark -> PendingBlob.idOf(mark).map(id -> new PendingBlob(id, this, mark)).stream()).toList();
        }
    }

    /** The ids of the blobs on this volume, at most {@code max}. */
    public List<ImageId> blobIds(int max) throws IOException {
        try (Stream<Path> files = Files.walk(blobs, 2)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .map(ImageId::parse).flatMap(Optional::stream).limit(max).toList();
        }
    }

    /** Deletes the blob; true if there was one. */
    public boolean delete(ImageId id) throws IOException {
        Path target = blobPath(id);
        long bytes = Files.isRegularFile(target) ? Files.size(target) : 0;
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            Durable.syncFolder(target.getParent());
            storedBytes.addAndGet(-bytes);
        }
        return deleted;
    }

    private long filesystemTotal() {
        try {
            return fileStore.getTotalSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private long filesystemUsable() {
        try {
            return fileStore.getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return id + " (" + root + ")";
    }
}
