package org.imagestore.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageFormat;

/**
 * An image's original bytes as this node can reach them: a local copy if it has one, and the other live nodes that
 * hold one (best first), with what the catalogue knows of the image.
 */
public record Original(ImageId id, ImageFacts facts, long bytes, Optional<Path> file, List<String> holders) {

    public Original {
        holders = List.copyOf(holders);
    }

    public ImageFormat format() {
        return facts.format();
    }

    public boolean local() {
        return file.isPresent();
    }

    /** The entity tag's value (unquoted): the id is the content's digest. */
    public String etag() {
        return id.value();
    }
}
