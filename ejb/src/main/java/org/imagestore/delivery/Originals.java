package org.imagestore.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.imagestore.cluster.ThisNode;
import org.imagestore.image.Image;
import org.imagestore.image.ImageCatalogue;
import org.imagestore.image.ImageId;
import org.imagestore.placement.Placement;
import org.imagestore.placement.Placements;
import org.imagestore.volume.LocalVolumes;

/**
 * Finds the bytes of an original. Hot images are answered from memory: an image never changes, and a local
 * copy is checked to still exist before it is handed out, so a purge or a move is noticed.
 */
@ApplicationScoped
public class Originals {

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

    /**
     * @throws UnknownImageException    when there is no such image
     * @throws CopyUnavailableException when no copy is readable from this node
     */
    public Original find(ImageId id) {
        Original remembered;
        synchronized (known) {
            remembered = known.get(id);
        }
        if (remembered != null && Files.isRegularFile(remembered.file())) {
            return remembered;
        }
        Image image = images.find(id).orElseThrow(() -> new UnknownImageException(id));
        Path file = placements.on(id, node.name())
                .flatMap(p -> volumes.find(id, p.volume()))
                .orElseThrow(() -> new CopyUnavailableException(id, "no copy on this node ("
                        + placements.of(id).stream().map(Placement::node).toList() + " hold it)"));
        Original original = new Original(id, image.format(), image.bytes(), file);
        synchronized (known) {
            known.put(id, original);
        }
        return original;
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
