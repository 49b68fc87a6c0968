package org.imagestore.alerting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A firing's webhook call, until the receiver took it or the attempts ran out. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @Column(name = "firing_id")
    private long firingId;
    private String url;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Column(name = "last_error")
    private String lastError;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long firingId, String url) {
        this.firingId = firingId;
        this.url = url;
        this.nextAttemptAt = Instant.now();
    }
}
