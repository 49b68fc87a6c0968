package org.imagestore.ingest;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

import org.imagestore.ftp.api.FtpEntry;
import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpRefusedException.Kind;
import org.imagestore.ftp.api.FtpStoreListener;
import org.imagestore.ftp.api.UploadReceived;
import org.imagestore.ftp.api.UploadStored;
import org.imagestore.source.Source;
import org.imagestore.source.SourceAccounts;
import org.imagestore.upload.SourceTree;

/**
 * Receives the FTP connector's requests, each in its own container transaction, and hands them to the domain.
 * The adapter replies to the client only after this bean's transaction committed.
 */
@MessageDriven(messageListenerInterface = FtpStoreListener.class)
public class FtpRequestConsumer implements FtpStoreListener {

    @Inject
    private SourceAccounts accounts;
    @Inject
    private SourceTree tree;
    @Inject
    private Ingest ingest;

    @Override
    public boolean authenticate(String source, String password, String clientAddress) {
        return accounts.authenticate(source, password).isPresent();
    }

    @Override
    public Optional<FtpEntry> stat(String source, String path) {
        return accounts.find(source).flatMap(s -> {
            try {
                return tree.stat(s, Paths.of(path));
            } catch (FtpRefusedException badName) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<FtpEntry> list(String source, String folder) throws FtpRefusedException {
        return tree.list(enabled(source), Paths.of(folder));
    }

    @Override
    public void makeFolder(String source, String folder) throws FtpRefusedException {
        tree.makeFolder(enabled(source), Paths.of(folder));
    }

    @Override
    public void removeFolder(String source, String folder) throws FtpRefusedException {
        tree.removeFolder(enabled(source), Paths.of(folder));
    }

    @Override
    public void rename(String source, String from, String to) throws FtpRefusedException {
        tree.rename(enabled(source), Paths.of(from), Paths.of(to));
    }

    @Override
    public void delete(String source, String path) throws FtpRefusedException {
        tree.delete(enabled(source), Paths.of(path));
    }

    @Override
    public UploadStored store(UploadReceived upload) throws FtpRefusedException {
        return ingest.store(enabled(upload.source()), upload);
    }

    /** A source disabled while its session is open can do nothing more. */
    private Source enabled(String name) throws FtpRefusedException {
        return accounts.find(name).filter(Source::enabled)
                .orElseThrow(() -> new FtpRefusedException(Kind.PERMANENT, "source " + name + " is disabled"));
    }
}
