package org.imagestore.delivery;

import org.imagestore.imaging.ImageFormat;

/** A rendition ready to send. */
public record Rendered(RenditionKey key, byte[] bytes, ImageFormat format) {
}
