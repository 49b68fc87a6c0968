package org.imagestore.ftp.inbound;

import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpFile;

/** One session's view: the source's tree and the session's working folder. */
final class VirtualFileSystemView implements FileSystemView {

    private final String source;
    private final StoreGateway store;
    private String workingFolder = FtpPaths.ROOT;

    VirtualFileSystemView(String source, StoreGateway store) {
        this.source = source;
        this.store = store;
    }

    @Override
    public FtpFile getHomeDirectory() {
        return new VirtualFile(source, FtpPaths.ROOT, store);
    }

    @Override
    public FtpFile getWorkingDirectory() {
        return new VirtualFile(source, workingFolder, store);
    }

    @Override
    public boolean changeWorkingDirectory(String folder) {
        VirtualFile target = resolve(folder);
        if (!target.isDirectory()) {
            return false;
        }
        workingFolder = target.getAbsolutePath();
        return true;
    }

    @Override
    public FtpFile getFile(String name) {
        return resolve(name);
    }

    VirtualFile resolve(String name) {
        return new VirtualFile(source, FtpPaths.resolve(workingFolder, name), store);
    }

    String source() {
        return source;
    }

    @Override
    public boolean isRandomAccessible() {
        return false;
    }

    @Override
    public void dispose() {
    }
}
