package org.imagestore.image;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.imagestore.imaging.CaptureTime;
import org.imagestore.imaging.GeoPoint;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageFormat;

/** A stored image: one row per distinct content, whatever its names and however many copies. Immutable. */
@Entity
@Table(name = "image")
public class Image {

    @Id
    private String id;
    private long bytes;
    private String format;
    private int width;
    private int height;
    private short orientation;
    @Column(name = "captured_at")
    private LocalDateTime capturedAt;
    @Column(name = "captured_offset")
    private String capturedOffset;
    @Column(name = "camera_make")
    private String cameraMake;
    @Column(name = "camera_model")
    private String cameraModel;
    @Column(name = "gps_latitude")
    private Double gpsLatitude;
    @Column(name = "gps_longitude")
    private Double gpsLongitude;
    @Column(name = "gps_altitude")
    private Double gpsAltitude;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Image() {
    }

    public ImageId id() {
        return new ImageId(id);
    }

    public long bytes() {
        return bytes;
    }

    public ImageFormat format() {
        return ImageFormat.fromParameter(format).orElseThrow(() -> new IllegalStateException("unknown format " + format));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ImageFacts facts() {
        Optional<CaptureTime> captured = Optional.ofNullable(capturedAt)
                .map(t -> new CaptureTime(t, Optional.ofNullable(capturedOffset).map(ZoneOffset::of)));
        Optional<GeoPoint> location = gpsLatitude == null || gpsLongitude == null ? Optional.empty()
                : Optional.of(new GeoPoint(gpsLatitude, gpsLongitude, Optional.ofNullable(gpsAltitude)));
        return new ImageFacts(format(), width, height, orientation, captured, Optional.ofNullable(cameraMake),
                Optional.ofNullable(cameraModel), location);
    }
}
