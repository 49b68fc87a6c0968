package org.imagestore.rendering;

/**
 * Configurable safety limits for rendering.
 *
 * @param maxOutputSide   largest output width or height in pixels (default 8192)
 * @param maxSourcePixels largest source, in pixels, that will be decoded (default 100 megapixels)
 * @param maxSourceBytes  largest source file that will be rendered
 */
public record RenderLimits(int maxOutputSide, long maxSourcePixels, long maxSourceBytes) {

    public static final RenderLimits DEFAULT = new RenderLimits(8192, 100_000_000L, 256L * 1024 * 1024);
}
