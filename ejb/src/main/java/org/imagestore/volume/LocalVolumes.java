package org.imagestore.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.image.ImageId;

/**
 * This node's volumes, from {@code imagestore.volumes}. New blobs go to the emptiest volume (by used fraction)
 * that still has room, keeping {@code imagestore.volume.reserve} free on every filesystem.
 */
@ApplicationScoped
public class LocalVolumes {

    private static final Logger LOG = Logger.getLogger(LocalVolumes.class.getName());

    @Inject
    @ConfigProperty(name = "imagestore.volumes")
    Optional<String> configuredVolumes;

    @Inject
    @ConfigProperty(name = "imagestore.volume.reserve", defaultValue = "256M")
    String reserve;

    private List<Volume> volumes;
    private Map<String, Volume> byId;
    private long reserveBytes;
    /** Ids of volumes being emptied (VolumeDrainer): no new blob goes there. */
    private volatile Set<String> draining = Set.of();

    @PostConstruct
    void open() {
        String config = configuredVolumes.filter(v -> !v.isBlank()).orElseGet(LocalVolumes::defaultVolume);
        reserveBytes = VolumeSpec.parseSize(reserve);
        List<Volume> opened = new ArrayList<>();
        for (VolumeSpec spec : VolumeSpec.parseAll(config)) {
            try {
                opened.add(Volume.open(spec));
            } catch (IOException e) {
                throw new UncheckedIOException("volume " + spec.root() + " cannot be used", e);
            }
        }
        volumes = List.copyOf(opened);
        byId = volumes.stream().collect(Collectors.toMap(Volume::id, Function.identity()));
        volumes.forEach(v -> LOG.info(() -> "volume " + v + ": capacity " + v.capacityBytes() / (1 << 20) + " MiB, "
                + Math.round(v.usedFraction() * 100) + "% used"));
    }

    private static String defaultVolume() {
        String instanceRoot = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("java.io.tmpdir"));
        return Path.of(instanceRoot, "imagestore", "volume-1").toString();
    }

    public List<Volume> all() {
        return volumes;
    }

    public Optional<Volume> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Sets each volume's stored-bytes figure (from the catalogue, at start). */
    public void account(Map<String, Long> storedBytesByVolume) {
        storedBytesByVolume.forEach((id, bytes) -> byId(id).ifPresent(v -> v.accountStored(bytes)));
        volumes.forEach(v -> LOG.info(() -> "volume " + v + " holds " + storedBytesByVolume.getOrDefault(v.id(), 0L) / (1 << 20)
                + " MiB of images, " + Math.round(v.usedFraction() * 100) + "% of its capacity"));
    }

    /** The volumes being emptied, as the catalogue says now. */
    void drainOnly(Set<String> volumeIds) {
        draining = Set.copyOf(volumeIds);
    }

    /**
     * The volume a new blob of this size should go to: the emptiest with room, never one being emptied (unless
     * every volume is, as after the others were taken out of the configuration: storing beats refusing).
     */
    public Volume forNewBlob(long bytes) throws VolumeFullException {
        Set<String> emptying = volumes.stream().allMatch(v -> draining.contains(v.id())) ? Set.of() : draining;
        return volumes.stream()
                .filter(v -> !emptying.contains(v.id()) && v.hasRoomFor(bytes, reserveBytes))
                .min(Comparator.comparingDouble(Volume::usedFraction))
                .orElseThrow(() -> new VolumeFullException("no volume on this node has room for " + bytes + " more bytes"));
    }

    /** A copy of the blob on any of this node's volumes. */
    public Optional<Path> findAnywhere(ImageId id) {
        return volumes.stream().map(v -> v.find(id)).flatMap(Optional::stream).findFirst();
    }

    /** The local copy of a blob, if some volume has it. */
    public Optional<Path> find(ImageId id, String volumeId) {
        return byId(volumeId).flatMap(v -> v.find(id));
    }
}
