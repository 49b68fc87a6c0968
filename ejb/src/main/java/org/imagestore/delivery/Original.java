package org.imagestore.delivery;

import java.nio.file.Path;

import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFormat;

/** A readable copy of an image's original bytes on this node. */
public record Original(ImageId id, ImageFormat format, long bytes, Path file) {

    /** Strong ETag: the id is the content's digest. */
    public String etag() {
        return "\"" + id.value() + "\"";
    }
}
