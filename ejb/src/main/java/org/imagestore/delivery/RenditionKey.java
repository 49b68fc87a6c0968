package org.imagestore.delivery;

import org.imagestore.image.ImageId;
import org.imagestore.rendering.RenderSpec;

/**
 * Names one rendition: an image and a canonical spec. It owns the rendition's cache key and its ETag, so that a
 * conditional request can be answered from the URL alone, before anything is rendered.
 */
public record RenditionKey(ImageId image, RenderSpec spec) {

    /** The key in the rendition cache: {@code imageId/spec}. */
    public String cacheKey() {
        return image.value() + "/" + spec.key();
    }

    /** The entity tag's value (unquoted): the same URL always names the same bytes, so it is strong. */
    public String etag() {
        return image.value() + "-" + spec.key();
    }

    /** Whether a cache key belongs to a rendition of this image. */
    static boolean isOf(String cacheKey, ImageId image) {
        return cacheKey.startsWith(image.value() + "/");
    }
}
