package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.imagestore.ftp.api.FtpEntry;
import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpStoreListener;
import org.imagestore.ftp.api.UploadReceived;
import org.imagestore.ftp.api.UploadStored;

/**
 * The store as {@link FtpServiceTest} needs it: one source's tree in memory, transactional (a rolled-back
 * transaction leaves the tree as it was), remembering what it was asked and able to refuse or fail on request.
 * Test helper of the FTP end-to-end test.
 */
final class InMemoryStore implements FtpStoreListener {

    static final String SOURCE = "cam1";
    static final String PASSWORD = "right-password";

    /** What a store call received, read while the staged file was still there. */
    record Received(UploadReceived upload, byte[] content) {
    }

    private TreeMap<String, FtpEntry> tree = new TreeMap<>();
    private TreeMap<String, FtpEntry> beforeTransaction;
    private final List<Received> received = new ArrayList<>();
    private final List<String> renames = new ArrayList<>();
    private FtpRefusedException refuseNext;
    private RuntimeException failNext;
    private RuntimeException failNextRead;

    // --- what the test arranges and inspects

    /** The next change is refused with this exception (an application exception: the transaction rolls back). */
    synchronized void refuseNext(FtpRefusedException refusal) {
        refuseNext = refusal;
    }

    /** The next change fails with this system exception (the container rolls back and wraps it). */
    synchronized void failNext(RuntimeException failure) {
        failNext = failure;
    }

    /** The next look-up in the tree fails with this system exception (the catalogue unreachable). */
    synchronized void failNextRead(RuntimeException failure) {
        failNextRead = failure;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<String> renames() {
        return List.copyOf(renames);
    }

    synchronized Optional<FtpEntry> entry(String path) {
        return Optional.ofNullable(tree.get(path));
    }

    /** The id the store gives the image with this digest. */
    static String imageId(byte[] sha256) {
        return HexFormat.of().formatHex(sha256, 0, 8);
    }

    // --- the transaction, driven by the container

    synchronized void begin() {
        beforeTransaction = new TreeMap<>(tree);
    }

    synchronized void rollback() {
        tree = beforeTransaction;
    }

    // --- the listener

    @Override
    public synchronized boolean authenticate(String source, String password, String clientAddress) {
        RuntimeException failure = failNext;
        failNext = null;
        if (failure != null) {
            throw failure;
        }
        return SOURCE.equals(source) && PASSWORD.equals(password);
    }

    @Override
    public synchronized Optional<FtpEntry> stat(String source, String path) {
        RuntimeException failure = failNextRead;
        if (failure != null) {
            failNextRead = null;
            throw failure;
        }
        return path.equals(FtpPaths.ROOT) ? Optional.of(FtpEntry.folder("/", Instant.EPOCH))
                : Optional.ofNullable(tree.get(path));
    }

    @Override
    public synchronized List<FtpEntry> list(String source, String folder) {
        return tree.entrySet().stream().filter(e -> parent(e.getKey()).equals(folder)).map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized void makeFolder(String source, String folder) throws FtpRefusedException {
        checkForFailure();
        requireFolder(parent(folder));
        if (tree.containsKey(folder)) {
            throw new FtpRefusedException(FtpRefusedException.Kind.PERMANENT, folder + " exists");
        }
        tree.put(folder, FtpEntry.folder(FtpPaths.name(folder), Instant.EPOCH));
    }

    @Override
    public synchronized void removeFolder(String source, String folder) throws FtpRefusedException {
        checkForFailure();
        if (!list(source, folder).isEmpty()) {
            throw new FtpRefusedException(FtpRefusedException.Kind.PERMANENT, folder + " is not empty");
        }
        remove(folder);
    }

    @Override
    public synchronized void rename(String source, String from, String to) throws FtpRefusedException {
        renames.add(from + " -> " + to);
        checkForFailure();
        FtpEntry entry = remove(from);
        requireFolder(parent(to));
        tree.put(to, new FtpEntry(FtpPaths.name(to), entry.folder(), entry.size(), entry.lastModified()));
    }

    @Override
    public synchronized void delete(String source, String path) throws FtpRefusedException {
        checkForFailure();
        remove(path);
    }

    @Override
    public synchronized UploadStored store(UploadReceived upload) throws FtpRefusedException {
        try {
            upload.synced().await(); // as the real store does before the file becomes a blob
        } catch (IOException e) {
            throw new FtpRefusedException(FtpRefusedException.Kind.TRANSIENT, "the staged file could not be synced");
        }
        received.add(new Received(upload, read(upload.stagedFile())));
        checkForFailure();
        requireFolder(parent(upload.path()));
        if (tree.containsKey(upload.path()) && tree.get(upload.path()).folder()) {
            throw new FtpRefusedException(FtpRefusedException.Kind.PERMANENT, upload.path() + " is a folder");
        }
        tree.put(upload.path(), FtpEntry.file(FtpPaths.name(upload.path()), upload.bytes(), upload.receivedAt()));
        return new UploadStored(imageId(upload.sha256()), received.size(), !upload.path().endsWith(".tmp"));
    }

    private void checkForFailure() throws FtpRefusedException {
        FtpRefusedException refusal = refuseNext;
        RuntimeException failure = failNext;
        refuseNext = null;
        failNext = null;
        if (refusal != null) {
            throw refusal;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void requireFolder(String folder) throws FtpRefusedException {
        if (!folder.equals(FtpPaths.ROOT) && !tree.containsKey(folder)) {
            throw new FtpRefusedException(FtpRefusedException.Kind.NOT_FOUND, "no folder " + folder);
        }
    }

    private FtpEntry remove(String path) throws FtpRefusedException {
        FtpEntry entry = tree.remove(path);
        if (entry == null) {
            throw new FtpRefusedException(FtpRefusedException.Kind.NOT_FOUND, "no such file or folder: " + path);
        }
        return entry;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash == 0 ? FtpPaths.ROOT : path.substring(0, slash);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
