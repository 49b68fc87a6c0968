package org.imagestore.placement;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.imagestore.image.ImageId;

/** A copy of an image on a node's volume. */
@Entity
@Table(name = "placement")
@IdClass(Placement.Key.class)
public class Placement {

    /** Composite key: one copy per node. */
    public record Key(String imageId, String node) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "image_id")
    private String imageId;
    @Id
    private String node;
    private String volume;
    @Column(name = "stored_at")
    private Instant storedAt;

    protected Placement() {
    }

    public ImageId imageId() {
        return new ImageId(imageId);
    }

    public String node() {
        return node;
    }

    public String volume() {
        return volume;
    }

    public Instant storedAt() {
        return storedAt;
    }
}
