package org.imagestore.ingest;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.imagestore.ftp.api.FtpEntry;
import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpRefusedException.Kind;
import org.imagestore.ftp.api.FtpStoreListener;
import org.imagestore.ftp.api.UploadReceived;
import org.imagestore.ftp.api.UploadStored;
import org.imagestore.image.ImageId;
import org.imagestore.ops.Metrics;
import org.imagestore.security.LoginThrottle;
import org.imagestore.ops.Metrics.UploadRefusal;
import org.imagestore.source.KnownSources;
import org.imagestore.source.Source;
import org.imagestore.source.SourceAccounts;
import org.imagestore.source.SourceDisabledException;
import org.imagestore.support.Faults;
import org.imagestore.support.RefusedException;
import org.imagestore.upload.InvalidPathException;
import org.imagestore.upload.NoSuchPathException;
import org.imagestore.upload.SourceTree;
import org.imagestore.upload.TreeEntry;
import org.imagestore.upload.TreePath;

/**
 * The FTP edge: receives the FTP connector's requests, each in its own container transaction, hands them to the
 * domain, and turns the domain's refusals into FTP terms. This is the only class outside the connector that
 * speaks FTP. The adapter replies to the client only after this bean's transaction committed.
 */
@MessageDriven(messageListenerInterface = FtpStoreListener.class)
public class FtpRequestConsumer implements FtpStoreListener {

    @Inject
    private SourceAccounts accounts;
    @Inject
    private KnownSources sources;
    @Inject
    private SourceTree tree;
    @Inject
    private Ingest ingest;
    @Inject
    private Metrics metrics;
    @Inject
    private LoginThrottle throttle;
    @Inject
    private Faults faults;
    @Resource
    private MessageDrivenContext context;

    @Override
    public boolean authenticate(String source, String password, String clientAddress) {
        return throttle.attempt("ftp", source, clientAddress, () -> accounts.authenticate(source, password).isPresent());
    }

    // The reads run without a transaction: STOR asks for a stat of its target before every upload, and a
    // transaction (begun, a connection enlisted, committed) is work that a read does not need.
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<FtpEntry> stat(String source, String path) {
        return sources.find(source).flatMap(s -> {
            try {
                return tree.stat(s, new TreePath(path)).map(FtpRequestConsumer::entry);
            } catch (InvalidPathException badName) {
                return Optional.empty();
            }
        });
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<FtpEntry> list(String source, String folder) throws FtpRefusedException {
        try {
            return tree.list(enabled(source), path(folder)).stream().map(FtpRequestConsumer::entry).toList();
        } catch (RefusedException e) {
            throw refusal(e);
        }
    }

    @Override
    public void makeFolder(String source, String folder) throws FtpRefusedException {
        try {
            tree.makeFolder(enabled(source), path(folder));
        } catch (RefusedException e) {
            throw refusal(e);
        }
    }

    @Override
    public void removeFolder(String source, String folder) throws FtpRefusedException {
        try {
            tree.removeFolder(enabled(source), path(folder));
        } catch (RefusedException e) {
            throw refusal(e);
        }
    }

    @Override
    public void rename(String source, String from, String to) throws FtpRefusedException {
        try {
            tree.rename(enabled(source), path(from), path(to));
        } catch (RefusedException e) {
            throw refusal(e);
        }
    }

    @Override
    public void delete(String source, String path) throws FtpRefusedException {
        try {
            tree.delete(enabled(source), path(path));
        } catch (RefusedException e) {
            throw refusal(e);
        }
    }

    @Override
    public UploadStored store(UploadReceived upload) throws FtpRefusedException {
        TreePath path;
        try {
            path = path(upload.path());
        } catch (FtpRefusedException badName) {
            metrics.uploadRefused(UploadRefusal.BAD_NAME);
            throw badName;
        }
        try {
            StoredUpload stored = ingest.store(enabled(upload.source()), new IncomingUpload(path, upload.stagedFile(),
                    upload.synced()::await, upload.bytes(), ImageId.ofSha256(upload.sha256()), upload.receivedAt(),
                    upload.clientAddress()));
            // the last step before the commit: a client that went away gets nothing kept, as it got no 226
            if (!upload.clientWaiting().getAsBoolean()) {
                throw new FtpRefusedException(Kind.TRANSIENT,
                        "the client disconnected before the upload was confirmed; nothing kept");
            }
            if (faults.isReached(Faults.Point.COMMIT_REFUSED, path.name())) {
                context.setRollbackOnly(); // returns normally: only the adapter's commit observer can tell
            }
            return new UploadStored(stored.image().value(), stored.uploadId(), stored.announced());
        } catch (RefusedException e) {
            throw refusal(e);
        }
    }

    /** A source disabled while its session is open can do nothing more. */
    private Source enabled(String name) throws SourceDisabledException {
        return sources.find(name).filter(Source::enabled).orElseThrow(() -> new SourceDisabledException(name));
    }

    private static TreePath path(String path) throws FtpRefusedException {
        try {
            return new TreePath(path);
        } catch (InvalidPathException e) {
            throw new FtpRefusedException(Kind.BAD_NAME, e.getMessage());
        }
    }

    private static FtpEntry entry(TreeEntry entry) {
        return new FtpEntry(entry.name(), entry.folder(), entry.size(), entry.lastModified());
    }

    /** The domain's reasons in FTP terms: 451/452 invite a retry, 550 does not. */
    private static FtpRefusedException refusal(RefusedException e) {
        return switch (e) {
            case NoSuchPathException missing -> new FtpRefusedException(Kind.NOT_FOUND, missing.getMessage());
            case StoreFullException full -> new FtpRefusedException(Kind.NO_SPACE, full.getMessage());
            case StorageFailedException failed -> new FtpRefusedException(Kind.TRANSIENT, failed.getMessage());
            case NotAnImageUploadException notAnImage ->
                    new FtpRefusedException(Kind.PERMANENT, "Refused, nothing kept: " + notAnImage.getMessage());
            default -> new FtpRefusedException(Kind.PERMANENT, e.getMessage());
        };
    }
}
