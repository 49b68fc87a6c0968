package org.imagestore.publishing;

import java.time.Instant;
import java.util.Locale;

import org.imagestore.imaging.ImageFacts;
import org.imagestore.upload.TreePath;
import org.imagestore.upload.Upload;
import org.imagestore.upload.UploadChanged;

/**
 * The JSON body of a metadata message (DESIGN.md, "JMS"). Absent values are omitted from the JSON.
 *
 * @param uploadId     the upload record this message is about; the same on a redelivery
 * @param event        {@code stored}, {@code renamed} or {@code removed}
 * @param imageId      the content-derived image id
 * @param url          the image URL path, {@code /images/{imageId}}
 * @param source       the uploading source's name
 * @param ftpPath      the folder in the source's FTP tree, {@code /2026/11/21}
 * @param fileName     the file name, {@code cam1.jpg}
 * @param previousPath for {@code renamed}: the full path before
 * @param reason       for {@code removed}: why
 * @param bytes        size of the original
 * @param width        stored width in pixels
 * @param height       stored height in pixels
 * @param orientation  EXIF orientation 1..8 (5..8 mean the displayed image is height x width)
 * @param format       {@code jpeg}, {@code png}, ...
 * @param captureTime  EXIF capture time, ISO-8601, with offset when the camera recorded one
 * @param camera       EXIF make and model
 * @param gps          EXIF position
 * @param receivedAt   when the upload completed
 * @param receivedBy   the node that received it
 */
public record ImageMetadataMessage(long uploadId, String event, String imageId, String url, String source,
                                   String ftpPath, String fileName, String previousPath, String reason, long bytes,
                                   int width, int height, int orientation, String format, String captureTime,
                                   Camera camera, Gps gps, Instant receivedAt, String receivedBy) {

    public record Camera(String make, String model) {
    }

    public record Gps(double latitude, double longitude, Double altitude) {
    }

    /** The message of an upload change, about its image. */
    public static ImageMetadataMessage of(UploadChanged change, ImageFacts facts) {
        Upload upload = change.upload();
        Camera camera = facts.cameraMake().isEmpty() && facts.cameraModel().isEmpty() ? null
                : new Camera(facts.cameraMake().orElse(null), facts.cameraModel().orElse(null));
        Gps gps = facts.location()
                .map(g -> new Gps(g.latitude(), g.longitude(), g.altitude().orElse(null)))
                .orElse(null);
        return new ImageMetadataMessage(upload.id(), change.kind().name().toLowerCase(Locale.ROOT),
                upload.imageId().value(), upload.imageId().urlPath(), change.sourceName(), upload.folder().value(),
                upload.name(), change.previousPath().map(TreePath::value).orElse(null), change.reason().orElse(null),
                upload.bytes(), facts.width(), facts.height(), facts.orientation(), facts.format().parameterName(),
                facts.captureTime().map(Object::toString).orElse(null), camera, gps, upload.receivedAt(),
                upload.receivedBy());
    }
}
