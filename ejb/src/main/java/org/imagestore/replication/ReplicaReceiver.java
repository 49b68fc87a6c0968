package org.imagestore.replication;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.imagestore.image.ImageId;
import org.imagestore.support.Faults;
import org.imagestore.volume.LocalVolumes;
import org.imagestore.volume.PendingBlob;
import org.imagestore.volume.UnplacedBlobs;
import org.imagestore.volume.Volume;
import org.imagestore.volume.VolumeFullException;

/**
 * This node's side of a copy between nodes: the bytes are written to a volume, fsync'd and checked against the
 * image id before they become the blob, and the blob is marked pending until the catalogue says whether it is
 * placed here (the sending store committed, or a repair recorded it).
 */
@ApplicationScoped
public class ReplicaReceiver {

    private static final Logger LOG = Logger.getLogger(ReplicaReceiver.class.getName());

    @Inject
    private LocalVolumes volumes;
    @Inject
    private UnplacedBlobs unplaced;
    @Inject
    private NodeClient nodes;
    @Inject
    private CopyRecords records;
    @Inject
    private Faults faults;

    /**
     * Takes a copy pushed by the node storing an upload. It stays marked pending until that store ends.
     *
     * @return the volume that holds it
     */
    public Volume receive(ImageId id, InputStream body, long length) throws VolumeFullException, IOException {
        Volume volume = volumeFor(id, length);
        Path incoming = volume.receive(body, id);
        volume.markPending(id);
        volume.adopt(incoming, id);
        LOG.fine(() -> "image " + id + ": copy received on " + volume);
        return volume;
    }

    /**
     * Fetches a copy from {@code source} (repair: a holder lacks it) and records its placement here.
     *
     * @return false when the image was purged meanwhile (nothing is kept)
     */
    public boolean pull(ImageId id, String source) throws CopyFailedException {
        NodeClient.RemoteBlob blob = nodes.openBlob(source, id, 0);
        Volume volume;
        PendingBlob pending;
        try (InputStream in = blob.body()) {
            volume = volumeFor(id, Math.max(blob.length(), 0));
            Path incoming = volume.receive(in, id);
            pending = volume.markPending(id);
            volume.adopt(incoming, id);
        } catch (VolumeFullException e) {
            throw new CopyFailedException(e.getMessage(), true);
        } catch (IOException e) {
            throw new CopyFailedException("copy of image " + id + " from " + source + " failed: " + e.getMessage(), e);
        }
        faults.reach(Faults.Point.COPY_PULLED, () -> records.anUploadNameOf(id));
        boolean placed = records.recordCopy(id, volume.id());
        unplaced.settle(pending, placed ? "its copy was recorded" : "its image was purged while it was copied");
        if (placed) {
            LOG.info(() -> "image " + id + ": copied from " + source + " to " + volume);
        }
        return placed;
    }

    private Volume volumeFor(ImageId id, long length) throws VolumeFullException {
        Optional<Volume> holding = volumes.all().stream().filter(v -> v.find(id).isPresent()).findFirst();
        return holding.isPresent() ? holding.get() : volumes.forNewBlob(length);
    }
}
