package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ftpserver.ftplet.FtpFile;
import org.imagestore.ftp.api.FtpEntry;
import org.imagestore.ftp.api.FtpRefusedException;

/**
 * A file or folder of a source's virtual tree. What it is gets looked up once, lazily. It only answers
 * questions: uploads go through {@link DurableStor}, changes through {@link TreeCommand} and {@link AcknowledgedRnto}.
 */
final class VirtualFile implements FtpFile {

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

    // Changes never go through the file object: TreeCommand (MKD, RMD, DELE) and AcknowledgedRnto reply only
    // after the store committed, with the store's reason when it refuses.
    @Override
    public boolean mkdir() {
        return false;
    }

    @Override
    public boolean delete() {
        return false;
    }

    @Override
    public boolean move(FtpFile destination) {
        return false;
    }

    @Override
    public List<VirtualFile> listFiles() {
        try {
            return store.read(s -> s.list(source, path)).stream()
                    .map(e -> new VirtualFile(source, FtpPaths.child(path, e.name()), store, Optional.of(e)))
                    .toList();
        } catch (FtpRefusedException e) {
            if (e.kind() == FtpRefusedException.Kind.NOT_FOUND) {
                return List.of(); // removed since it was looked up
            }
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
}
