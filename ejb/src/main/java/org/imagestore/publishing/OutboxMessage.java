package org.imagestore.publishing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message waiting to be relayed to its JMS topic: metadata of an upload change, or an alert. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String topic;
    @Column(name = "upload_id")
    private Long uploadId;
    private String event;
    private String rule;
    private String source;
    private String format;
    private String payload;
    @Column(name = "created_at")
    private Instant createdAt;

    protected OutboxMessage() {
    }

    OutboxMessage(OutboxTopic topic, Long uploadId, String event, String rule, String source, String format,
                  String payload) {
        this.topic = topic.column();
        this.uploadId = uploadId;
        this.event = event;
        this.rule = rule;
        this.source = source;
        this.format = format;
        this.payload = payload;
        this.createdAt = Instant.now();
    }

    long id() {
        return id;
    }

    OutboxTopic topic() {
        return OutboxTopic.ofColumn(topic);
    }

    /** The upload the message is about; null for an alert that is not about an upload. */
    Long uploadId() {
        return uploadId;
    }

    /** The alert rule that fired; null for metadata. */
    String rule() {
        return rule;
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
