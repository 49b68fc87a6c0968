package org.imagestore.upload;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.imagestore.image.ImageId;

/** An upload record: a source sent these bytes (an image) under this name. */
@Entity
@Table(name = "upload")
public class Upload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "source_id")
    private long sourceId;
    private String folder;
    private String name;
    @Column(name = "image_id")
    private String imageId;
    private long bytes;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "received_by")
    private String receivedBy;
    @Column(name = "client_address")
    private String clientAddress;
    private boolean announced;
    @Column(name = "removed_at")
    private Instant removedAt;

    protected Upload() {
    }

    Upload(long sourceId, TreePath path, ImageId imageId, long bytes, Instant receivedAt, String receivedBy,
           String clientAddress) {
        this.sourceId = sourceId;
        this.folder = path.parent().orElseThrow().value();
        this.name = path.name();
        this.imageId = imageId.value();
        this.bytes = bytes;
        // the catalogue keeps microseconds: messages and queries must show the same time
        this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        this.receivedBy = receivedBy;
        this.clientAddress = clientAddress;
    }

    public long id() {
        return id;
    }

    public long sourceId() {
        return sourceId;
    }

    public TreePath path() {
        return new TreePath(folder).child(name);
    }

    public TreePath folder() {
        return new TreePath(folder);
    }

    public String name() {
        return name;
    }

    public ImageId imageId() {
        return new ImageId(imageId);
    }

    public long bytes() {
        return bytes;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public boolean announced() {
        return announced;
    }

    void markAnnounced() {
        announced = true;
    }

    void moveTo(TreePath path) {
        this.folder = path.parent().orElseThrow().value();
        this.name = path.name();
    }

    void remove(Instant at) {
        removedAt = at;
    }
}
