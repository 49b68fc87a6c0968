package org.imagestore.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.imagestore.cluster.Cluster;
import org.imagestore.image.ImageId;
import org.imagestore.ops.Metrics;
import org.imagestore.ops.Metrics.UploadRefusal;
import org.imagestore.placement.CopyTargets;
import org.imagestore.placement.GroupMapStore;
import org.imagestore.placement.Placement;
import org.imagestore.placement.Placements;
import org.imagestore.replication.CopyFailedException;
import org.imagestore.replication.NodeClient;
import org.imagestore.replication.PlacedNotices;
import org.imagestore.support.Faults;
import org.imagestore.volume.LocalVolumes;
import org.imagestore.volume.PendingBlob;
import org.imagestore.volume.UnplacedBlobs;
import org.imagestore.volume.Volume;
import org.imagestore.volume.VolumeFullException;
import org.imagestore.volume.VolumesOnStart;

/**
 * Writes an upload's copies, durably, on R distinct nodes: its group's holders, or stand-ins for holders that are
 * down, full or not answering. Other nodes first (streamed from the staged file), this node last (the staged file
 * is renamed into place). Every copy is marked pending on its node until the store's transaction ends; then it is
 * kept if the transaction committed its placement, and deleted otherwise, so a store that fails half-way leaves
 * no copy anywhere.
 */
@ApplicationScoped
public class UploadCopies {

    private static final Logger LOG = Logger.getLogger(UploadCopies.class.getName());

    /** A durable copy: the node and its volume. */
    public record Copy(String node, String volume) {
    }

    @Inject
    private Cluster cluster;
    @EJB // not @Inject: see Ingest
    private GroupMapStore map;
    @EJB
    private Placements placements;
    @Inject
    private LocalVolumes volumes;
    @Inject
    private UnplacedBlobs unplaced;
    @Inject
    private NodeClient nodes;
    @Inject
    private PlacedNotices placedNotices;
    @Inject
    private Faults faults;
    @Inject
    private Metrics metrics;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    /**
     * Writes the copies (the caller holds the image's lock and the map's shared lock). An image registered by
     * this very upload has no placements to reuse, and none are looked up.
     */
    public List<Copy> write(IncomingUpload upload, boolean newImage) throws StoreFullException, StorageFailedException {
        ImageId id = upload.id();
        String group = id.value().substring(0, cluster.settings().groupChars());
        List<String> holders = map.holdersOf(group);
        Map<String, Double> live = cluster.liveWeights();
        int wanted = Math.min(cluster.settings().replicas(), live.size());
        Map<String, String> existing = newImage ? Map.of() : placements.of(id).stream()
                .collect(Collectors.toMap(Placement::node, Placement::volume));

        List<Copy> written = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        boolean noRoom = false;
        while (true) {
            List<String> targets = CopyTargets.choose(group, holders, live, wanted, failed);
            if (targets.size() < wanted) {
                refuse(upload, noRoom, targets.size(), wanted);
            }
            Optional<String> next = nextTarget(targets, written);
            if (next.isEmpty()) {
                break;
            }
            String node = next.get();
            try {
                Copy copy = existing.containsKey(node) && !node.equals(cluster.self())
                        ? new Copy(node, existing.get(node)) : writeOn(node, upload, existing.get(node));
                written.add(copy);
                if (written.size() < wanted) {
                    faults.reach(Faults.Point.COPY_WRITTEN, upload.path().name());
                }
            } catch (CopyFailedException e) {
                failed.add(node);
                noRoom |= e.noRoom();
                LOG.warning(() -> "image " + id + ": no copy on " + node + " (" + e.getMessage()
                        + "); choosing a stand-in");
            }
        }
        if (CopyTargets.leaveToRepair(holders, written.stream().map(Copy::node).toList())) {
            map.markForRepair(List.of(group)); // handoff copies go home, missing ones are made, once nodes are back
        }
        return written;
    }

    /** Other nodes first: this node's copy consumes the staged file. */
    private Optional<String> nextTarget(List<String> targets, List<Copy> written) {
        Set<String> done = written.stream().map(Copy::node).collect(Collectors.toSet());
        List<String> pending = targets.stream().filter(t -> !done.contains(t)).toList();
        return pending.stream().filter(t -> !t.equals(cluster.self())).findFirst().or(() -> pending.stream().findFirst());
    }

    private Copy writeOn(String node, IncomingUpload upload, String existingVolume) throws CopyFailedException {
        if (node.equals(cluster.self())) {
            return new Copy(node, writeHere(upload, Optional.ofNullable(existingVolume)).id());
        }
        String volume = nodes.putBlob(node, upload.id(), upload.stagedFile(), upload.bytes());
        settleRemoteWhenEnded(node, upload.id(), volume);
        return new Copy(node, volume);
    }

    private Volume writeHere(IncomingUpload upload, Optional<String> existingVolume) throws CopyFailedException {
        ImageId id = upload.id();
        Volume volume;
        try {
            // identical bytes kept here before: their volume (adopting restores the blob if it went missing)
            Optional<Volume> placed = existingVolume.flatMap(volumes::byId);
            volume = placed.isPresent() ? placed.get() : volumes.forNewBlob(upload.bytes());
        } catch (VolumeFullException e) {
            LOG.warning(() -> "image " + id + ": no room on this node: " + e.getMessage());
            throw new CopyFailedException(e.getMessage(), true);
        }
        Path staged = upload.stagedFile();
        try {
            if (!Files.isRegularFile(staged)) {
                throw new IOException("staged file " + staged + " is gone");
            }
            upload.synced().await(); // its fsync ran while the upload was checked and recorded
            if (volume.find(id).isEmpty()) {
                settleWhenEnded(volume.markPending(id));
            }
            volume.adopt(staged, id);
            faults.reach(Faults.Point.BLOB_MOVED, upload.path().name());
            return volume;
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "image " + id + " could not be written to " + volume, e);
            throw new CopyFailedException("could not write to " + volume + ": " + e.getMessage(), e);
        }
    }

    private void refuse(IncomingUpload upload, boolean noRoom, int possible, int wanted)
            throws StoreFullException, StorageFailedException {
        String why = "only " + possible + " of the " + wanted + " nodes needed for its copies could take it";
        if (noRoom) {
            metrics.uploadRefused(UploadRefusal.NO_SPACE);
            LOG.severe(() -> "upload refused: " + upload.path() + ": " + why + " (no room)");
            throw new StoreFullException("the store is full; nothing kept, please retry later");
        }
        metrics.uploadRefused(UploadRefusal.IO_ERROR);
        LOG.severe(() -> "upload refused: " + upload.path() + ": " + why);
        throw new StorageFailedException("could not store the upload on enough nodes (" + why
                + "); nothing kept, please retry", null);
    }

    /**
     * When the transaction ends: committed, the blob's pending mark goes; otherwise the blob goes too, unless
     * a committed placement uses it. A crash before either leaves the mark for {@link VolumesOnStart}.
     */
    private void settleWhenEnded(PendingBlob pending) {
        transaction.registerInterposedSynchronization(new AfterCompletion(status -> {
            if (status == Status.STATUS_COMMITTED) {
                forget(pending);
            } else {
                unplaced.removeIfUnplaced(pending, "its store was rolled back");
            }
        }));
    }

    /**
     * The other node keeps its copy if the placement committed; it learns within a moment, or from its own sweeper
     * later. Told that the store committed, it only forgets its marks; otherwise it looks for a committed placement.
     */
    private void settleRemoteWhenEnded(String node, ImageId id, String volume) {
        transaction.registerInterposedSynchronization(new AfterCompletion(status -> {
            if (status == Status.STATUS_COMMITTED) {
                placedNotices.tell(node, id, volume);
            } else {
                nodes.settleAsync(node, id);
            }
        }));
    }

    /** The blob is placed: only its mark goes (a plain file delete, no container call on the upload path). */
    private static void forget(PendingBlob pending) {
        try {
            pending.clear();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "image " + pending.id() + ": pending mark " + pending.mark() + " not removed", e);
        }
    }

    private record AfterCompletion(java.util.function.IntConsumer action) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            action.accept(status);
        }
    }
}
