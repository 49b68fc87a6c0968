package org.imagestore.delivery;

import org.imagestore.imaging.ImageFormat;

/** A rendition ready to send, with its own strong ETag (image id + canonical spec). */
public record Rendered(byte[] bytes, ImageFormat format, String etag) {
}
