package org.imagestore.alerting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A time a rule fired: for which image and upload (image rules) and why, with the message that told it. */
@Entity
@Table(name = "alert_firing")
public class AlertFiring {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "rule_id")
    private long ruleId;
    @Column(name = "image_id")
    private String imageId;
    @Column(name = "upload_id")
    private Long uploadId;
    private String reason;
    private String payload;
    @Column(name = "fired_at")
    private Instant firedAt;

    protected AlertFiring() {
    }

    AlertFiring(long ruleId, String imageId, Long uploadId, String reason, Instant firedAt) {
        this.ruleId = ruleId;
        this.imageId = imageId;
        this.uploadId = uploadId;
        this.reason = reason;
        this.payload = "";
        this.firedAt = firedAt;
    }

    long id() {
        return id;
    }

    void told(String payload) {
        this.payload = payload;
    }
}
