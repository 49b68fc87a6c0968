package org.imagestore.publishing;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sends a batch of outbox rows to the topic and deletes them, in one JTA transaction: a row is deleted only
 * if its message was sent. Rows are claimed with {@code SKIP LOCKED}, so every node can relay at once.
 */
@Stateless
public class OutboxRelay {

    /** JNDI name of the metadata topic (DESIGN.md). */
    public static final String TOPIC = "jms/imagestore/ImageMetadata";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private JMSContext jms;
    @Resource(lookup = TOPIC)
    private Topic topic;

    /** @return how many messages were sent */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int relayBatch(int max) {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = em.createNativeQuery(
                        "select * from outbox order by id limit ? for update skip locked", OutboxMessage.class)
                .setParameter(1, max).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        for (OutboxMessage message : batch) {
            producer.setProperty("source", message.source())
                    .setProperty("format", message.format())
                    .setProperty("event", message.event())
                    .setProperty("uploadId", message.uploadId())
                    .send(topic, message.payload());
            em.remove(message);
        }
        return batch.size();
    }

    /** Messages waiting, and the age in seconds of the oldest. */
    public Backlog backlog() {
        Object[] row = (Object[]) em.createNativeQuery(
                "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from outbox").getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
    }

    public record Backlog(long messages, double oldestSeconds) {
    }
}
