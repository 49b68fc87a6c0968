package org.imagestore.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.imagestore.cluster.Cluster;
import org.imagestore.cluster.ThisNode;
import org.imagestore.image.Image;
import org.imagestore.image.ImageCatalogue;
import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageInspector;
import org.imagestore.imaging.NotAnImageException;
import org.imagestore.placement.GroupMaps;
import org.imagestore.placement.Placement;
import org.imagestore.placement.Placements;
import org.imagestore.volume.LocalVolumes;

/**
 * Finds the bytes of an original: a copy on this node, and the other live nodes that hold one (the group's holders
 * first). Hot local images are answered from memory: an image never changes, and a local copy is checked to
 * still exist before it is handed out, so a purge or a move is noticed.
 */
@ApplicationScoped
public class Originals {

    private static final Logger LOG = Logger.getLogger(Originals.class.getName());

    private static final int REMEMBERED = 50_000;
    private final Map<ImageId, Original> known = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ImageId, Original> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Inject
    private ImageCatalogue images;
    @Inject
    private Placements placements;
    @Inject
    private LocalVolumes volumes;
    @Inject
    private ThisNode node;
    @Inject
    private Cluster cluster;
    @Inject
    private GroupMaps maps;
    private final ImageInspector inspector = new ImageInspector();

    /**
     * @throws UnknownImageException    when there is no such image
     * @throws CopyUnavailableException when no copy is readable from this node
     */
    public Original find(ImageId id) {
        Original remembered;
        synchronized (known) {
            remembered = known.get(id);
        }
        if (remembered != null && remembered.file().filter(Files::isRegularFile).isPresent()) {
            return remembered;
        }
        Image image;
        List<Placement> copies;
        try {
            image = images.find(id).orElseThrow(() -> new UnknownImageException(id));
            copies = placements.of(id);
        } catch (UnknownImageException unknown) {
            throw unknown;
        } catch (RuntimeException catalogueUnreachable) {
            return withoutCatalogue(id, catalogueUnreachable);
        }
        Optional<Path> here = copies.stream().filter(p -> p.node().equals(node.name())).findFirst()
                .flatMap(p -> volumes.find(id, p.volume()));
        Set<String> live = cluster.members();
        List<String> holders = maps.current().holdersOf(id);
        List<String> others = copies.stream().map(Placement::node)
                .filter(n -> live.contains(n) && !n.equals(node.name()))
                .sorted(Comparator.comparing((String n) -> !holders.contains(n)))
                .toList();
        if (here.isEmpty() && others.isEmpty()) {
            throw new CopyUnavailableException(id, "no copy on a node that is up (copies on "
                    + copies.stream().map(Placement::node).toList() + ")");
        }
        Original original = new Original(id, image.facts(), image.bytes(), here, others);
        if (here.isPresent()) {
            synchronized (known) {
                known.put(id, original);
            }
        }
        return original;
    }

    /**
     * The catalogue cannot be read: a copy on this node is served all the same (the id is its content's digest,
     * and the header gives its format); without one there is nothing to serve.
     */
    private Original withoutCatalogue(ImageId id, RuntimeException cause) {
        Optional<Path> here = volumes.findAnywhere(id);
        if (here.isEmpty()) {
            throw new CopyUnavailableException(id, "the catalogue is unreachable and this node holds no copy");
        }
        try {
            LOG.fine(() -> "image " + id + ": served from this node's copy while the catalogue is unreachable (" + cause + ")");
            return new Original(id, inspector.inspect(here.get()), Files.size(here.get()), here, List.of());
        } catch (NotAnImageException | java.io.IOException e) {
            throw new CopyUnavailableException(id, "the catalogue is unreachable and this node's copy is unreadable: " + e.getMessage());
        }
    }

    /** Forgets a purged image. */
    public void forget(ImageId id) {
        synchronized (known) {
            known.remove(id);
        }
    }

    public Optional<Image> image(ImageId id) {
        return images.find(id);
    }
}
