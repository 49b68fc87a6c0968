package org.imagestore.publishing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A metadata message waiting to be relayed to JMS. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "upload_id")
    private long uploadId;
    private String event;
    private String source;
    private String format;
    private String payload;
    @Column(name = "created_at")
    private Instant createdAt;

    protected OutboxMessage() {
    }

    OutboxMessage(long uploadId, String event, String source, String format, String payload) {
        this.uploadId = uploadId;
        this.event = event;
        this.source = source;
        this.format = format;
        this.payload = payload;
        this.createdAt = Instant.now();
    }

    long uploadId() {
        return uploadId;
    }

    String event() {
        return event;
    }

    String source() {
        return source;
    }

    String format() {
        return format;
    }

    String payload() {
        return payload;
    }
}
