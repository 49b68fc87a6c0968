package org.imagestore.it.incontainer;

import static org.imagestore.it.incontainer.Fixtures.stagedPhoto;
import static org.imagestore.it.incontainer.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;

import org.imagestore.ingest.StoredUpload;
import org.imagestore.ingest.Ingest;
import org.imagestore.source.Source;
import org.imagestore.source.SourceAccounts;
import org.imagestore.source.SourceName;
import org.imagestore.upload.SourceTree;
import org.imagestore.upload.TreePath;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Metadata messages: written with the catalogue change, relayed to the real broker's topic. */
@ExtendWith(ArquillianExtension.class)
class PublishingIT {

    private static final long RECEIVE_MILLIS = 15_000;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.storeWithTests();
    }

    @Inject
    private Ingest ingest;
    @Inject
    private SourceAccounts accounts;
    @Inject
    private SourceTree tree;
    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private ConnectionFactory connections;
    @Resource(lookup = "jms/imagestore/ImageMetadata")
    private Topic topic;
    @Resource
    private UserTransaction transaction;
    @Resource(lookup = "jdbc/imagestore")
    private DataSource db;

    private Source source;
    private JMSContext jms;
    private JMSConsumer consumer;

    @BeforeEach
    void subscribe() {
        source = accounts.create(new SourceName(unique("publish")), "password-" + unique("p"));
        jms = connections.createContext();
        // only this test's source: other tests publish on the same topic
        consumer = jms.createConsumer(topic, "source = '" + source.name().value() + "'");
    }

    @AfterEach
    void close() {
        jms.close();
    }

    @Test
    void anUploadIsAnnouncedOnceWithItsMetadata() throws Exception {
        StoredUpload stored = ingest.store(source, stagedPhoto("/2026/05/front door.jpg",
                "xiaomi-mi-a3-gps.jpg"));

        Message message = consumer.receive(RECEIVE_MILLIS);
        assertNotNull(message, "a message for the upload");
        assertEquals(DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
        assertEquals(source.name().value(), message.getStringProperty("source"));
        assertEquals("jpeg", message.getStringProperty("format"));
        assertEquals(stored.uploadId(), message.getLongProperty("uploadId"));
        JsonObject body = Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
        assertEquals("stored", body.getString("event"));
        assertEquals(stored.image().value(), body.getString("imageId"));
        assertEquals("/images/" + stored.image().value(), body.getString("url"));
        assertEquals("/2026/05", body.getString("ftpPath"));
        assertEquals("front door.jpg", body.getString("fileName"));
        assertEquals(800, body.getInt("width"));
        assertEquals(600, body.getInt("height"));
        assertEquals("2020-06-08T11:16:13.868104", body.getString("captureTime"), "with EXIF sub-seconds");
        assertEquals("Mi A3", body.getJsonObject("camera").getString("model"));
        assertEquals(-15.835, body.getJsonObject("gps").getJsonNumber("latitude").doubleValue(), 0.001);
        assertEquals("das", body.getString("receivedBy"));

        assertNextIsTheSentinel("exactly one message per upload");
    }

    @Test
    void aRolledBackUploadIsNeverAnnounced() throws Exception {
        transaction.begin();
        ingest.store(source, stagedPhoto("/never.jpg", "canon-eos70d.jpg"));
        transaction.rollback();

        assertNextIsTheSentinel("no message for an upload that was not stored");
    }

    @Test
    void renamesAndDeletionsOfAnnouncedUploadsAreAnnouncedToo() throws Exception {
        StoredUpload stored = ingest.store(source, stagedPhoto("/a.jpg", "canon-eos70d.jpg"));
        assertEquals("stored", event(consumer.receive(RECEIVE_MILLIS)).getString("event"));

        tree.rename(source, new TreePath("/a.jpg"), new TreePath("/b.jpg"));
        JsonObject renamed = event(consumer.receive(RECEIVE_MILLIS));
        assertEquals("renamed", renamed.getString("event"));
        assertEquals("/a.jpg", renamed.getString("previousPath"));
        assertEquals("b.jpg", renamed.getString("fileName"));
        assertEquals(stored.uploadId(), renamed.getJsonNumber("uploadId").longValue());

        tree.delete(source, new TreePath("/b.jpg"));
        JsonObject removed = event(consumer.receive(RECEIVE_MILLIS));
        assertEquals("removed", removed.getString("event"));
        assertEquals(stored.uploadId(), removed.getJsonNumber("uploadId").longValue());
    }

    /**
     * Asserts that a relay cycle that began after everything above sends nothing else of this test's source:
     * a sentinel row is written straight into the outbox (no commit event, so only the 5-s backstop relays
     * it), and the relay sends rows in id order, so any message still due (a duplicate, a row left behind, a
     * rolled-back upload) would arrive before the sentinel.
     */
    private void assertNextIsTheSentinel(String what) throws Exception {
        long marker = -System.nanoTime();
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into outbox (upload_id, event, source, format, payload) values (?, 'sentinel', ?, 'none', '{}')")) {
            insert.setLong(1, marker);
            insert.setString(2, source.name().value());
            insert.executeUpdate();
        }
        Message next = consumer.receive(RECEIVE_MILLIS);
        assertNotNull(next, "the sentinel, relayed by the backstop within " + RECEIVE_MILLIS + " ms");
        assertEquals("sentinel", next.getStringProperty("event"), () -> what + ": " + text(next));
        assertEquals(marker, next.getLongProperty("uploadId"), () -> what + ": " + text(next));
    }

    private static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (Exception e) {
            return String.valueOf(message);
        }
    }

    private static JsonObject event(Message message) throws Exception {
        assertNotNull(message, "a message");
        return Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
    }
}
