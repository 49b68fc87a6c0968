package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.apache.ftpserver.ftplet.FtpFile;
import org.imagestore.ftp.api.FtpEntry;
import org.imagestore.ftp.api.FtpRefusedException;

/**
 * A file or folder of a source's virtual tree. What it is gets looked up once, lazily; uploads do not go
 * through {@link #createOutputStream} but through {@link DurableStor}.
 */
final class VirtualFile implements FtpFile {

    private static final Logger LOG = Logger.getLogger(VirtualFile.class.getName());

    private final String source;
    private final String path;
    private final StoreGateway store;
    private Optional<FtpEntry> entry;

    VirtualFile(String source, String path, StoreGateway store) {
        this(source, path, store, null);
    }

    private VirtualFile(String source, String path, StoreGateway store, Optional<FtpEntry> entry) {
        this.source = source;
        this.path = path;
        this.store = store;
        this.entry = entry;
    }

    private Optional<FtpEntry> entry() {
        if (entry == null) {
            try {
                entry = store.read(s -> s.stat(source, path));
            } catch (FtpRefusedException e) {
                throw new StoreUnavailableException(e.getMessage());
            }
        }
        return entry;
    }

    @Override
    public String getAbsolutePath() {
        return path;
    }

    @Override
    public String getName() {
        return FtpPaths.name(path);
    }

    @Override
    public boolean isHidden() {
        return false;
    }

    @Override
    public boolean isDirectory() {
        return entry().map(FtpEntry::folder).orElse(false);
    }

    @Override
    public boolean isFile() {
        return entry().map(e -> !e.folder()).orElse(false);
    }

    @Override
    public boolean doesExist() {
        return entry().isPresent();
    }

    @Override
    public boolean isReadable() {
        return true;
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public boolean isRemovable() {
        return !path.equals(FtpPaths.ROOT);
    }

    @Override
    public String getOwnerName() {
        return source;
    }

    @Override
    public String getGroupName() {
        return source;
    }

    @Override
    public int getLinkCount() {
        return isDirectory() ? 2 : 1;
    }

    @Override
    public long getLastModified() {
        return entry().map(FtpEntry::lastModified).orElse(Instant.EPOCH).toEpochMilli();
    }

    @Override
    public boolean setLastModified(long time) {
        return false;
    }

    @Override
    public long getSize() {
        return entry().map(FtpEntry::size).orElse(0L);
    }

    @Override
    public Object getPhysicalFile() {
        return null;
    }

    @Override
    public boolean mkdir() {
        return attempt("MKD", () -> store.change(s -> {
            s.makeFolder(source, path);
            return null;
        }));
    }

    @Override
    public boolean delete() {
        boolean folder = isDirectory();
        return attempt(folder ? "RMD" : "DELE", () -> store.change(s -> {
            if (folder) {
                s.removeFolder(source, path);
            } else {
                s.delete(source, path);
            }
            return null;
        }));
    }

    @Override
    public boolean move(FtpFile destination) {
        return attempt("RNTO", () -> store.change(s -> {
            s.rename(source, path, destination.getAbsolutePath());
            return null;
        }));
    }

    @Override
    public List<VirtualFile> listFiles() {
        try {
            return store.read(s -> s.list(source, path)).stream()
                    .map(e -> new VirtualFile(source, FtpPaths.child(path, e.name()), store, Optional.of(e)))
                    .toList();
        } catch (FtpRefusedException e) {
            throw new StoreUnavailableException(e.getMessage());
        }
    }

    @Override
    public OutputStream createOutputStream(long offset) throws IOException {
        throw new IOException("appending to uploads is not supported; send the whole file with STOR");
    }

    @Override
    public InputStream createInputStream(long offset) throws IOException {
        throw new IOException("images are downloaded over HTTP, not FTP");
    }

    private boolean attempt(String command, Change change) {
        try {
            change.run();
            return true;
        } catch (FtpRefusedException e) {
            LOG.info(() -> command + " " + path + " by " + source + " refused: " + e.getMessage());
            return false;
        }
    }

    @FunctionalInterface
    private interface Change {
        void run() throws FtpRefusedException;
    }
}
