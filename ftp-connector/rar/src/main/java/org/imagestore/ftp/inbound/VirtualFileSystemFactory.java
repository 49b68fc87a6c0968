package org.imagestore.ftp.inbound;

import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.User;

/** Gives every session a view of its source's virtual tree, backed by the catalogue. */
final class VirtualFileSystemFactory implements FileSystemFactory {

    private final StoreGateway store;

    VirtualFileSystemFactory(StoreGateway store) {
        this.store = store;
    }

    @Override
    public FileSystemView createFileSystemView(User user) {
        return new VirtualFileSystemView(user.getName(), store);
    }
}
