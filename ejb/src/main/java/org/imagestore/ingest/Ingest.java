package org.imagestore.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.imagestore.cluster.ThisNode;
import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpRefusedException.Kind;
import org.imagestore.ftp.api.UploadReceived;
import org.imagestore.ftp.api.UploadStored;
import org.imagestore.image.ImageCatalogue;
import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageInspector;
import org.imagestore.imaging.NotAnImageException;
import org.imagestore.ops.Metrics;
import org.imagestore.placement.Placements;
import org.imagestore.source.Source;
import org.imagestore.upload.SourceTree;
import org.imagestore.upload.TreePath;
import org.imagestore.upload.Upload;
import org.imagestore.volume.LocalVolumes;
import org.imagestore.volume.PendingBlob;
import org.imagestore.volume.Volume;
import org.imagestore.volume.VolumeFullException;

/**
 * Stores an upload: judges it by content, makes its blob durable on a local volume, records image, placement
 * and upload, and (through the upload's announcement) the metadata message, all in the caller's transaction.
 * Identical bytes are stored once; every upload of them gets its own record.
 */
@Stateless
public class Ingest {

    private static final Logger LOG = Logger.getLogger(Ingest.class.getName());

    @Inject
    private ImageInspector inspector;
    @Inject
    private ImageCatalogue images;
    @Inject
    private LocalVolumes volumes;
    @Inject
    private Placements placements;
    @Inject
    private SourceTree tree;
    @Inject
    private ThisNode node;
    @Inject
    private Metrics metrics;
    @Inject
    private UnplacedBlobs unplaced;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    public UploadStored store(Source source, UploadReceived upload) throws FtpRefusedException {
        long started = System.nanoTime();
        TreePath path = path(upload);
        ImageFacts facts = inspect(source, upload);
        ImageId id = ImageId.ofSha256(upload.sha256());

        unplaced.lock(id);
        images.registerIfAbsent(id, upload.bytes(), facts);
        Upload record = tree.record(source, path, id, upload.bytes(), upload.receivedAt(), node.name(),
                upload.clientAddress());
        // the blob last: every check that can refuse the upload has passed
        Volume volume = storeBlob(source, upload, id);
        placements.recordIfAbsent(id, node.name(), volume.id());

        long millis = (System.nanoTime() - started) / 1_000_000;
        metrics.uploadStored(upload.bytes());
        LOG.info(() -> "upload " + record.id() + ": " + source.name() + " " + path + " (" + upload.bytes() + " bytes, "
                + facts.format().parameterName() + " " + facts.width() + "x" + facts.height() + ") stored as image "
                + id + " on " + node.name() + "/" + volume.id() + " in " + millis + " ms"
                + (record.announced() ? "" : "; announced when renamed from its temporary name"));
        return new UploadStored(id.value(), record.id(), record.announced());
    }

    private TreePath path(UploadReceived upload) throws FtpRefusedException {
        try {
            return Paths.of(upload.path());
        } catch (FtpRefusedException badName) {
            metrics.uploadRefused("bad_name");
            throw badName;
        }
    }

    private ImageFacts inspect(Source source, UploadReceived upload) throws FtpRefusedException {
        try {
            return inspector.inspect(upload.stagedFile());
        } catch (NotAnImageException e) {
            metrics.uploadRefused("not_an_image");
            LOG.warning(() -> "upload refused: " + source.name() + " " + upload.path() + " (" + upload.bytes()
                    + " bytes from " + upload.clientAddress() + ") is not an accepted image: " + e.getMessage());
            throw new FtpRefusedException(Kind.PERMANENT, "Refused, nothing kept: " + e.getMessage());
        }
    }

    /**
     * When the transaction ends: committed, the blob's pending mark goes; otherwise the blob goes too, unless
     * a committed placement uses it. A crash before either leaves the mark for {@link VolumesOnStart}.
     */
    private void settleWhenEnded(PendingBlob pending) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    forget(pending);
                } else {
                    unplaced.removeIfUnplaced(pending, "its store was rolled back");
                }
            }
        });
    }

    /** The blob is placed: only its mark goes (a plain file delete, no container call on the upload path). */
    private static void forget(PendingBlob pending) {
        try {
            pending.clear();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "image " + pending.id() + ": pending mark " + pending.mark() + " not removed", e);
        }
    }

    private Volume storeBlob(Source source, UploadReceived upload, ImageId id) throws FtpRefusedException {
        Volume volume;
        try {
            // identical bytes seen before: their copy's volume (adopting restores the blob if it went missing)
            Optional<Volume> placed = placements.on(id, node.name()).flatMap(p -> volumes.byId(p.volume()));
            volume = placed.isPresent() ? placed.get() : volumes.forNewBlob(upload.bytes());
        } catch (VolumeFullException e) {
            metrics.uploadRefused("no_space");
            LOG.severe(() -> "upload refused: " + source.name() + " " + upload.path() + ": " + e.getMessage());
            throw new FtpRefusedException(Kind.NO_SPACE, "The store is full; nothing kept, please retry later");
        }
        Path staged = upload.stagedFile();
        try {
            if (!Files.isRegularFile(staged)) {
                throw new IOException("staged file " + staged + " is gone");
            }
            if (volume.find(id).isEmpty()) {
                settleWhenEnded(volume.markPending(id));
            }
            volume.adopt(staged, id);
            return volume;
        } catch (IOException e) {
            metrics.uploadRefused("io_error");
            LOG.log(Level.SEVERE, "upload of " + source.name() + " " + upload.path() + " could not be stored on "
                    + volume, e);
            throw new FtpRefusedException(Kind.TRANSIENT, "Could not store the upload; nothing kept, please retry");
        }
    }
}
