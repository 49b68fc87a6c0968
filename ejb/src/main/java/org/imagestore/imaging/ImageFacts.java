package org.imagestore.imaging;

import java.util.Optional;

/**
 * What the store knows about an image from reading its header and metadata (never its full raster).
 *
 * @param format      the format judged by content
 * @param width       stored width in pixels (before EXIF orientation)
 * @param height      stored height in pixels (before EXIF orientation)
 * @param orientation EXIF orientation 1..8 (1 when absent)
 * @param captureTime when the picture was taken, as the camera recorded it
 * @param cameraMake  EXIF make, trimmed
 * @param cameraModel EXIF model, trimmed
 * @param location    GPS position
 */
public record ImageFacts(ImageFormat format, int width, int height, int orientation,
                         Optional<CaptureTime> captureTime, Optional<String> cameraMake,
                         Optional<String> cameraModel, Optional<GeoPoint> location) {

    public ImageFacts {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image dimensions must be positive: " + width + "x" + height);
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1..8: " + orientation);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /** Orientations 5..8 swap the axes: the displayed image is {@code height x width}. */
    public boolean transposed() {
        return orientation >= 5;
    }

    public int displayWidth() {
        return transposed() ? height : width;
    }

    public int displayHeight() {
        return transposed() ? width : height;
    }
}
