package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;

/**
 * The indexer's side of a topic (metadata, or alerts): a durable subscription with its own client id and name.
 * {@link #close()} ends the subscription (unsubscribes); {@link #disconnect()} only goes offline, keeping it.
 */
final class Indexer implements AutoCloseable {

    static final String TOPIC = "ImageMetadata";
    static final String ALERTS = "ImageAlerts";

    /** A metadata message as received: the raw JMS message and its parsed JSON body. */
    record Event(TextMessage message, JsonObject body) {
        String event() {
            return body.getString("event");
        }

        String property(String name) {
            try {
                return message.getStringProperty(name);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean persistent() {
            try {
                return message.getJMSDeliveryMode() == DeliveryMode.PERSISTENT;
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final String topic;
    private final String clientId;
    private final String name;
    private final String selector;
    private jakarta.jms.Connection connection;
    private MessageConsumer consumer;

    private Indexer(String topic, String clientId, String name, String selector) {
        this.topic = topic;
        this.clientId = clientId;
        this.name = name;
        this.selector = selector;
        connect();
    }

    /** A new durable subscription that receives the messages of these sources only. */
    static Indexer forSources(Source... sources) {
        StringBuilder selector = new StringBuilder("source in (");
        for (int i = 0; i < sources.length; i++) {
            selector.append(i == 0 ? "" : ", ").append('\'').append(sources[i].name()).append('\'');
        }
        return new Indexer(TOPIC, "e2e-" + Unique.hex(6), "sub-" + Unique.hex(6), selector.append(')').toString());
    }

    /** A new durable subscription to the alerts topic, for the messages the selector picks. */
    static Indexer forAlerts(String selector) {
        return new Indexer(ALERTS, "e2e-" + Unique.hex(6), "sub-" + Unique.hex(6), selector);
    }

    /** (Re)connects to the subscription; messages sent while offline are delivered now. */
    Indexer connect() {
        try {
            connection = connectionFactory().createConnection();
            connection.setClientID(clientId);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            consumer = session.createDurableSubscriber(session.createTopic(topic), name, selector, false);
            connection.start();
            return this;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot subscribe to " + topic + " at " + Settings.BROKER_PORT, e);
        }
    }

    /** Goes offline, keeping the durable subscription. */
    void disconnect() {
        try {
            connection.close();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message, waiting up to the given time. */
    Optional<Event> next(Duration wait) {
        try {
            Message message = consumer.receive(wait.toMillis());
            if (message == null) {
                return Optional.empty();
            }
            if (!(message instanceof TextMessage text)) {
                throw new AssertionError(topic + " messages must be TextMessages, got " + message);
            }
            System.out.println("JMS <- " + text.getText());
            return Optional.of(new Event(text, Responses.json(text.getText())));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message; fails if none arrives within 60 s (the relay runs at least every 5 s). */
    Event expect() {
        return next(Duration.ofSeconds(60)).orElseGet(() -> fail("no " + topic + " message within 60 s (" + selector + ")"));
    }

    /** Asserts that no further message arrives within the backstop period of the relay and some more. */
    void expectNoMore() {
        next(Duration.ofSeconds(7)).ifPresent(e -> fail("unexpected " + topic + " message: " + e.body()));
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
            try (jakarta.jms.Connection c = connectionFactory().createConnection()) {
                c.setClientID(clientId);
                c.createSession(false, Session.AUTO_ACKNOWLEDGE).unsubscribe(name);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot end subscription " + name, e);
        }
    }

    /** Connections as the broker's "indexer" account, whose password the launcher generated. */
    private static ConnectionFactory connectionFactory() {
        return connectionFactory("indexer", Settings.brokerIndexerPassword());
    }

    /**
     * The OpenMQ client of the very broker under test (imq.jar of Payara, on failsafe's class path), connecting as
     * {@code user}.
     */
    static ConnectionFactory connectionFactory(String user, String password) {
        try {
            Class<?> type = Class.forName("com.sun.messaging.ConnectionFactory");
            Object factory = type.getConstructor().newInstance();
            var set = type.getMethod("setProperty", String.class, String.class);
            set.invoke(factory, "imqAddressList", "mq://127.0.0.1:" + Settings.BROKER_PORT);
            set.invoke(factory, "imqDefaultUsername", user);
            set.invoke(factory, "imqDefaultPassword", password);
            return (ConnectionFactory) factory;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the OpenMQ client (imq.jar of ${payara.home}/mq/lib) is not usable", e);
        }
    }
}
