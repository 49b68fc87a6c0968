package org.imagestore.rendering;

import org.imagestore.imaging.ImageFormat;

/** Encoded bytes of a rendered image. */
public record Rendition(byte[] bytes, ImageFormat format, int width, int height) {
}
