package org.imagestore.rendering;

/** A rectangle of the (oriented) source, applied before scaling. */
public record Crop(int x, int y, int width, int height) {
}
