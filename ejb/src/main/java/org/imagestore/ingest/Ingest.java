package org.imagestore.ingest;

import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.imagestore.cluster.ThisNode;
import org.imagestore.image.ImageCatalogue;
import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageInspector;
import org.imagestore.imaging.NotAnImageException;
import org.imagestore.ops.Metrics;
import org.imagestore.ops.Metrics.UploadRefusal;
import org.imagestore.placement.GroupMapStore;
import org.imagestore.placement.Placements;
import org.imagestore.source.Source;
import org.imagestore.support.RefusedException;
import org.imagestore.upload.PathTakenException;
import org.imagestore.upload.SourceTree;
import org.imagestore.upload.Upload;

/**
 * Stores an upload: judges it by content, has its copies written durably on R nodes, records image, placements
 * and upload, and (through the upload's announcement) the metadata message, all in the caller's transaction.
 * Identical bytes are stored once; every upload of them gets its own record.
 * <p>
 * A CDI bean rather than an EJB: it joins the FTP edge's transaction (or begins one for a caller without), and an
 * EJB call would add the container's invocation and authorisation layers to every upload for nothing. It holds no
 * persistence context of its own, so any caller will do. A refusal rolls the transaction back, as it would from
 * an EJB.
 * <p>
 * The catalogue EJBs it calls are injected with {@code @EJB}, not {@code @Inject}: through Weld's proxy, every call
 * of a no-interface EJB makes Payara throw and catch an exception and read a field reflectively to find the bean
 * ({@code EjbContainerServicesImpl.getEJBLocalObject}), four times per upload.
 */
@ApplicationScoped
@Transactional(rollbackOn = RefusedException.class)
public class Ingest {

    private static final Logger LOG = Logger.getLogger(Ingest.class.getName());

    @Inject
    private ImageInspector inspector;
    @EJB
    private ImageCatalogue images;
    @Inject
    private UploadCopies copies;
    @EJB
    private Placements placements;
    @EJB
    private SourceTree tree;
    @Inject
    private ThisNode node;
    @Inject
    private Metrics metrics;

    public StoredUpload store(Source source, IncomingUpload upload)
            throws NotAnImageUploadException, PathTakenException, StoreFullException, StorageFailedException {
        metrics.uploadStarted();
        long started = System.nanoTime();
        try {
            return storeCounted(source, upload);
        } finally {
            metrics.uploadEnded(System.nanoTime() - started);
        }
    }

    private StoredUpload storeCounted(Source source, IncomingUpload upload)
            throws NotAnImageUploadException, PathTakenException, StoreFullException, StorageFailedException {
        long started = System.nanoTime();
        ImageFacts facts = inspect(source, upload);
        ImageId id = upload.id();

        // the image's lock, and the map's shared: the holders read below stay the holders until this commits
        boolean newImage = images.lockAndRegister(id, GroupMapStore.MAP_LOCK, upload.bytes(), facts);
        Upload record = tree.record(source, upload.path(), id, facts, upload.bytes(), upload.receivedAt(), node.name(),
                upload.clientAddress());
        // the copies last: every check that can refuse the upload has passed
        List<UploadCopies.Copy> written = copies.write(upload, newImage);
        placements.recordIfAbsent(id, written.stream().collect(Collectors.toMap(UploadCopies.Copy::node,
                UploadCopies.Copy::volume)));

        long millis = (System.nanoTime() - started) / 1_000_000;
        metrics.uploadStored(upload.bytes());
        String where = written.stream().map(c -> c.node() + "/" + c.volume()).collect(Collectors.joining(", "));
        LOG.info(() -> "upload " + record.id() + ": " + source.name() + " " + upload.path() + " (" + upload.bytes()
                + " bytes, " + facts.format().parameterName() + " " + facts.width() + "x" + facts.height()
                + ") stored as image " + id + " on " + where + " in " + millis + " ms"
                + (record.announced() ? "" : "; announced when renamed from its temporary name"));
        return new StoredUpload(id, record.id(), record.announced());
    }

    private ImageFacts inspect(Source source, IncomingUpload upload) throws NotAnImageUploadException {
        try {
            return inspector.inspect(upload.stagedFile());
        } catch (NotAnImageException e) {
            metrics.uploadRefused(UploadRefusal.NOT_AN_IMAGE);
            LOG.warning(() -> "upload refused: " + source.name() + " " + upload.path() + " (" + upload.bytes()
                    + " bytes from " + upload.clientAddress() + ") is not an accepted image: " + e.getMessage());
            throw new NotAnImageUploadException(e);
        }
    }
}
