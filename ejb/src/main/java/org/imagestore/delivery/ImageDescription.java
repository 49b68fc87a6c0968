package org.imagestore.delivery;

import java.time.Instant;
import java.util.List;

/** What {@code GET /images/{id}/meta} says about an image. */
public record ImageDescription(String id, String url, long bytes, String format, String mediaType, int width,
                               int height, int orientation, String captureTime, Camera camera, Gps gps,
                               Instant storedAt, List<UploadEntry> uploads, List<Replica> replicas) {

    public record Camera(String make, String model) {
    }

    public record Gps(double latitude, double longitude, Double altitude) {
    }

    /** An upload of these bytes; {@code current} is false once deleted or replaced in the source's tree. */
    public record UploadEntry(long uploadId, String source, String path, Instant receivedAt, String receivedBy,
                              boolean current) {
    }

    public record Replica(String node, String volume, Instant storedAt) {
    }
}
