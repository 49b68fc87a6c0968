package org.imagestore.publishing;

import java.util.List;
import java.util.stream.Collectors;

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
 * Sends a batch of outbox rows to their topics and deletes them, in one JTA transaction: a row is deleted only
 * if its message was sent. Rows are claimed with {@code SKIP LOCKED}, so every node can relay at once.
 */
@Stateless
public class OutboxRelay {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private JMSContext jms;
    @Resource(lookup = "jms/imagestore/ImageMetadata")
    private Topic metadata;
    @Resource(lookup = "jms/imagestore/ImageAlerts")
    private Topic alerts;

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
        for (OutboxMessage message : batch) {
            JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setProperty("event", message.event());
            // absent properties are left out: a selector such as "rule = 'x'" then simply does not match
            setIfPresent(producer, "source", message.source());
            setIfPresent(producer, "format", message.format());
            setIfPresent(producer, "rule", message.rule());
            if (message.uploadId() != null) {
                producer.setProperty("uploadId", message.uploadId().longValue());
            }
            producer.send(message.topic() == OutboxTopic.ALERTS ? alerts : metadata, message.payload());
        }
        // one statement for the batch, not one per message
        em.createNativeQuery("delete from outbox where id = any(string_to_array(?, ',')::bigint[])")
                .setParameter(1, batch.stream().map(m -> String.valueOf(m.id())).collect(Collectors.joining(",")))
                .executeUpdate();
        return batch.size();
    }

    private static void setIfPresent(JMSProducer producer, String name, String value) {
        if (value != null) {
            producer.setProperty(name, value);
        }
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
