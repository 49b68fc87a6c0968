package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import org.apache.commons.net.PrintCommandListener;
import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPCmd;
import org.apache.commons.net.ftp.FTPReply;

/**
 * The running store under test, as its users see it: HTTP, FTP, the JMS topic, and (to check that nothing
 * half-stored remains) its catalogue database and the node's volume. Every location comes from the system
 * properties that {@code ./imagestore test} passes to failsafe.
 */
final class Store {

    static final String HOST = "127.0.0.1";
    static final int HTTP_PORT = Integer.getInteger("imagestore.http.port", 8080);
    static final int FTP_PORT = Integer.getInteger("imagestore.ftp.port", 2121);
    static final int BROKER_PORT = Integer.getInteger("imagestore.broker.port", 27676);
    static final int DB_PORT = Integer.getInteger("imagestore.db.port", 25432);
    static final Path VOLUME = Path.of(required("imagestore.node.volume"));
    static final Path STAGING = VOLUME.resolve("staging");
    static final String TOPIC = "ImageMetadata";

    /** The Payara node's log, for the report when something is off (may not exist on other layouts). */
    static final Path NODE_LOG = Path.of(System.getProperty("payara.home", "/nonexistent"),
            "glassfish/nodes/localhost-imagestore/node-1/logs/server.log");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern IMAGE_ID_IN_REPLY = Pattern.compile("stored as image ([a-z2-7]{52})");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Store() {
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run through ./imagestore test"
                    + " or pass it to failsafe");
        }
        return value;
    }

    private static String secret(String property) {
        try {
            return Files.readString(Path.of(required(property))).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String adminPassword() {
        return secret("imagestore.store.admin-password-file");
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---------------------------------------------------------------------------------------------------- HTTP

    static URI uri(String pathAndQuery) {
        return URI.create("http://" + HOST + ":" + HTTP_PORT + pathAndQuery);
    }

    static HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> getText(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> head(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An admin API call with the given credentials (null user: no Authorization header). */
    static HttpResponse<String> adminCall(String user, String password, String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Accept", "application/json");
        if (user != null) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> admin(String method, String path, String jsonBody) {
        return adminCall("admin", adminPassword(), method, path, jsonBody);
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object: " + text, e);
        }
    }

    static JsonArray jsonArray(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonStructure s = reader.read();
            return s.asJsonArray();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON array: " + text, e);
        }
    }

    static JsonObject json(HttpResponse<?> response) {
        Object body = response.body();
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
        return json(text);
    }

    /** Asserts a JSON error response: the status, a JSON body with that status, and the blamed parameter. */
    static JsonObject assertJsonError(HttpResponse<?> response, int status, String parameter) {
        assertEquals(status, response.statusCode(), () -> "status of " + response.uri() + ": " + body(response));
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), () -> "Content-Type of the error of " + response.uri() + ": " + type);
        JsonObject error = json(response);
        assertEquals(status, error.getInt("status"), error::toString);
        if (parameter != null) {
            assertEquals(parameter, error.getString("parameter", null), () -> "parameter blamed by " + error);
        }
        assertTrue(error.containsKey("message") && !error.getString("message").isBlank(), () -> "a reason in " + error);
        return error;
    }

    static String body(HttpResponse<?> response) {
        Object body = response.body();
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }

    /** Counters and gauges of {@code GET /metrics}, by series (name with labels, as exposed). */
    static Map<String, Double> metrics() {
        HttpResponse<String> response = getText("/metrics");
        assertEquals(200, response.statusCode(), () -> "GET /metrics: "
                + response.body().substring(0, Math.min(response.body().length(), 200)).replaceAll("<[^>]*>", " ")
                + (response.body().contains("MicroProfile Metrics Service is disabled")
                        ? " ... (Payara's MicroProfile Metrics answers instead of imagestore)" : ""));
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            assertTrue(space > 0, () -> "not a Prometheus sample line: " + line);
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    // ----------------------------------------------------------------------------------------- sources (admin)

    record Source(String name, String password) {
    }

    /** A new, enabled source with a unique name (sources are never deleted). */
    static Source newSource(String prefix) {
        Source source = new Source(prefix + "-" + random(5), "pw-" + random(12));
        HttpResponse<String> created = admin("POST", "/admin/sources",
                "{\"name\":\"" + source.name() + "\",\"password\":\"" + source.password() + "\"}");
        assertEquals(201, created.statusCode(), () -> "creating source " + source.name() + ": " + created.body());
        return source;
    }

    // ----------------------------------------------------------------------------------------------------- FTP

    /** An FTP client that also remembers the commands it sent, to check which data connection mode was used. */
    static final class Ftp extends FTPClient {
        final List<String> sent = new CopyOnWriteArrayList<>();

        Ftp() {
            addProtocolCommandListener(new PrintCommandListener(new PrintWriter(System.out, true), true));
            addProtocolCommandListener(new ProtocolCommandListener() {
                @Override
                public void protocolCommandSent(ProtocolCommandEvent event) {
                    sent.add(event.getCommand().toUpperCase());
                }

                @Override
                public void protocolReplyReceived(ProtocolCommandEvent event) {
                }
            });
            setControlEncoding("UTF-8");
            setConnectTimeout(10_000);
            setDefaultTimeout(120_000);
        }

        /** Opens the data connection of a STOR and returns its socket; the caller sends (or not) the bytes. */
        Socket openStor(String name) throws IOException {
            return _openDataConnection_(FTPCmd.STOR, name);
        }

        /** The control connection's socket, to drop it abruptly. */
        Socket controlSocket() {
            return _socket_;
        }

        String lastReply() {
            return getReplyString() == null ? "" : getReplyString().trim();
        }
    }

    /** Connected, not logged in. */
    static Ftp ftpConnect() {
        Ftp ftp = new Ftp();
        try {
            ftp.connect(HOST, FTP_PORT);
            assertTrue(FTPReply.isPositiveCompletion(ftp.getReplyCode()), () -> "FTP greeting: " + ftp.lastReply());
            ftp.setSoTimeout(120_000);
            return ftp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to FTP " + HOST + ":" + FTP_PORT, e);
        }
    }

    /** Logged in as the source, binary, passive mode. */
    static Ftp ftp(Source source) {
        Ftp ftp = ftpConnect();
        try {
            assertTrue(ftp.login(source.name(), source.password()), () -> "login as " + source.name() + ": " + ftp.lastReply());
            assertTrue(ftp.setFileType(FTP.BINARY_FILE_TYPE), ftp::lastReply);
            ftp.enterLocalPassiveMode();
            return ftp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void quit(FTPClient ftp) {
        if (ftp != null && ftp.isConnected()) {
            try {
                ftp.logout();
            } catch (IOException ignored) {
                // the test's outcome is decided already
            }
            try {
                ftp.disconnect();
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    /** The outcome of a STOR: the final reply and the image id it names, if any. */
    record Stored(boolean ok, int code, String reply, String imageId) {
    }

    static Stored stor(Ftp ftp, String path, byte[] bytes) {
        try {
            boolean ok = ftp.storeFile(path, new ByteArrayInputStream(bytes));
            String reply = ftp.lastReply();
            Matcher m = IMAGE_ID_IN_REPLY.matcher(reply);
            return new Stored(ok, ftp.getReplyCode(), reply, m.find() ? m.group(1) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("STOR " + path, e);
        }
    }

    /** STOR that must succeed with 226 naming the content's image id. */
    static String upload(Ftp ftp, String path, byte[] bytes) {
        Stored stored = stor(ftp, path, bytes);
        assertTrue(stored.ok(), () -> "STOR " + path + ": " + stored.reply());
        assertEquals(226, stored.code(), stored::reply);
        assertEquals(imageId(bytes), stored.imageId(), () -> "image id in the 226 reply: " + stored.reply());
        return stored.imageId();
    }

    /** Uploads with a fresh session. */
    static String upload(Source source, String path, byte[] bytes) {
        Ftp ftp = ftp(source);
        try {
            return upload(ftp, path, bytes);
        } finally {
            quit(ftp);
        }
    }

    // ------------------------------------------------------------------------------------------------ identity

    /** The image id the store derives from content: SHA-256, lowercase RFC 4648 base32 without padding. */
    static String imageId(byte[] bytes) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        char[] alphabet = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : digest) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    static Path blob(String imageId) {
        return VOLUME.resolve("blobs").resolve(imageId.substring(0, 2)).resolve(imageId);
    }

    /** Files in the staging folder (uploads being received). */
    static List<Path> stagingFiles() {
        if (!Files.isDirectory(STAGING)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(STAGING)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to a generous bound) until the staging folder is empty; fails naming the leftovers. */
    static void awaitStagingEmpty() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!stagingFiles().isEmpty() && System.nanoTime() < deadline) {
            pause(200);
        }
        assertEquals(List.of(), stagingFiles(), "leftovers in the staging folder " + STAGING);
    }

    /** Waits until an upload being received has at least this many bytes in the staging folder. */
    static void awaitStagingFileOfAtLeast(long bytes) {
        for (int i = 0; i < 300; i++) {
            for (Path staged : stagingFiles()) {
                try {
                    if (Files.size(staged) >= bytes) {
                        return;
                    }
                } catch (IOException gone) {
                    // raced with its removal
                }
            }
            pause(100);
        }
        throw new AssertionError("the server never staged " + bytes + " bytes of the upload: " + stagingFiles());
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // -------------------------------------------------------------------------------------------------- photos

    private static final Map<String, byte[]> PHOTOS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A photo of the ejb test-jar's {@code /photos/}, read once. */
    static byte[] photo(String name) {
        return PHOTOS.computeIfAbsent(name, Store::readPhoto).clone();
    }

    /**
     * Reads the photo from a freshly opened jar rather than through the class loader: the test-jar sits in the
     * shared local Maven repository, and a build elsewhere may replace it while these tests run, which breaks
     * the class loader's already opened copy ("invalid LOC header").
     */
    private static byte[] readPhoto(String name) {
        java.net.URL url = Store.class.getResource("/photos/" + name);
        if (url == null) {
            throw new IllegalStateException("no /photos/" + name + " on the test classpath (the ejb test-jar)");
        }
        IOException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                if (url.getProtocol().equals("jar")) {
                    String spec = url.getPath();
                    int bang = spec.indexOf("!/");
                    Path jar = Path.of(URI.create(spec.substring(0, bang)));
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                        java.util.zip.ZipEntry entry = zip.getEntry(spec.substring(bang + 2));
                        if (entry == null) {
                            throw new IOException(name + " is not in " + jar);
                        }
                        try (InputStream in = zip.getInputStream(entry)) {
                            return in.readAllBytes();
                        }
                    }
                }
                try (InputStream in = url.openStream()) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                last = e; // being rewritten right now: try again shortly
                pause(500);
            }
        }
        throw new UncheckedIOException("cannot read " + url, last);
    }

    /**
     * The photo with a random comment added (a JPEG COM segment after the APPn segments, a PNG tEXt chunk
     * before IEND): the same picture and EXIF, but bytes no other test uploads, hence its own image id.
     */
    static byte[] uniquePhoto(String name) {
        return unique(photo(name));
    }

    static byte[] unique(byte[] image) {
        byte[] marker = ("imagestore-e2e " + random(16)).getBytes(StandardCharsets.US_ASCII);
        if ((image[0] & 0xff) == 0xFF && (image[1] & 0xff) == 0xD8) {
            int pos = 2;
            while ((image[pos] & 0xff) == 0xFF && (image[pos + 1] & 0xff) >= 0xE0 && (image[pos + 1] & 0xff) <= 0xEF) {
                pos += 2 + ((image[pos + 2] & 0xff) << 8 | (image[pos + 3] & 0xff));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + marker.length + 4);
            out.write(image, 0, pos);
            out.write(0xFF);
            out.write(0xFE);
            out.write((marker.length + 2) >> 8);
            out.write((marker.length + 2) & 0xff);
            out.writeBytes(marker);
            out.write(image, pos, image.length - pos);
            return out.toByteArray();
        }
        if ((image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            int iend = image.length - 12;
            byte[] keyword = "Comment\0".getBytes(StandardCharsets.US_ASCII);
            byte[] data = new byte[keyword.length + marker.length];
            System.arraycopy(keyword, 0, data, 0, keyword.length);
            System.arraycopy(marker, 0, data, keyword.length, marker.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + data.length + 12);
            out.write(image, 0, iend);
            out.writeBytes(pngChunk("tEXt", data));
            out.write(image, iend, 12);
            return out.toByteArray();
        }
        throw new IllegalArgumentException("only JPEG and PNG can be made unique here");
    }

    static byte[] pngChunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
        out.write(data.length >>> 24);
        out.write(data.length >>> 16 & 0xff);
        out.write(data.length >>> 8 & 0xff);
        out.write(data.length & 0xff);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24) & 0xff);
        out.write((int) (c >>> 16) & 0xff);
        out.write((int) (c >>> 8) & 0xff);
        out.write((int) c & 0xff);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ database

    static Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + DB_PORT + "/imagestore", "imagestore",
                secret("imagestore.db.password-file"));
    }

    /** Rows as column-name maps. */
    static List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection c = db(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(meta.getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every upload record of a source, current or not, oldest first. */
    static List<Map<String, Object>> uploadRows(Source source) {
        return query("""
                select u.id, u.folder, u.name, u.image_id, u.bytes, u.received_at, u.received_by, u.announced, u.removed_at
                from upload u join source s on s.id = u.source_id where s.name = ? order by u.id""", source.name());
    }

    static long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).getFirst().values().iterator().next()).longValue();
    }

    // ----------------------------------------------------------------------------------------------------- JMS

    static jakarta.jms.ConnectionFactory connectionFactory() {
        try {
            Class<?> type = Class.forName("com.sun.messaging.ConnectionFactory");
            Object factory = type.getConstructor().newInstance();
            type.getMethod("setProperty", String.class, String.class)
                    .invoke(factory, "imqAddressList", "mq://" + HOST + ":" + BROKER_PORT);
            return (jakarta.jms.ConnectionFactory) factory;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the OpenMQ client (imq.jar of ${payara.home}/mq/lib) is not usable", e);
        }
    }

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

    /**
     * A durable subscription to the metadata topic with its own client id and name. {@link #close()} ends the
     * subscription (unsubscribes); {@link #disconnect()} only goes offline, keeping it.
     */
    static final class Subscriber implements AutoCloseable {
        final String clientId;
        final String name;
        final String selector;
        private jakarta.jms.Connection connection;
        private Session session;
        private MessageConsumer consumer;

        private Subscriber(String clientId, String name, String selector) {
            this.clientId = clientId;
            this.name = name;
            this.selector = selector;
            connect();
        }

        /** A new durable subscription that receives the messages of these sources only. */
        static Subscriber forSources(Source... sources) {
            StringBuilder selector = new StringBuilder("source in (");
            for (int i = 0; i < sources.length; i++) {
                selector.append(i == 0 ? "" : ", ").append('\'').append(sources[i].name()).append('\'');
            }
            return durable("e2e-" + random(6), "sub-" + random(6), selector.append(')').toString());
        }

        static Subscriber durable(String clientId, String name, String selector) {
            return new Subscriber(clientId, name, selector);
        }

        /** (Re)connects to the subscription; messages sent while offline are delivered now. */
        Subscriber connect() {
            try {
                connection = connectionFactory().createConnection();
                connection.setClientID(clientId);
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Topic topic = session.createTopic(TOPIC);
                consumer = session.createDurableSubscriber(topic, name, selector, false);
                connection.start();
                return this;
            } catch (JMSException e) {
                throw new IllegalStateException("cannot subscribe to " + TOPIC + " at " + BROKER_PORT, e);
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
                    throw new AssertionError("metadata messages must be TextMessages, got " + message);
                }
                System.out.println("JMS <- " + text.getText());
                return Optional.of(new Event(text, json(text.getText())));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The next message; fails if none arrives within 60 s (the relay runs at least every 5 s). */
        Event expect() {
            return next(Duration.ofSeconds(60)).orElseGet(() -> fail("no metadata message within 60 s (" + selector + ")"));
        }

        /** Asserts that no further message arrives within the backstop period of the relay and some more. */
        void expectNoMore() {
            next(Duration.ofSeconds(7)).ifPresent(e -> fail("unexpected metadata message: " + e.body()));
        }

        @Override
        public void close() {
            try {
                if (connection != null) {
                    connection.close();
                }
                jakarta.jms.Connection c = connectionFactory().createConnection();
                try {
                    c.setClientID(clientId);
                    c.createSession(false, Session.AUTO_ACKNOWLEDGE).unsubscribe(name);
                } finally {
                    c.close();
                }
            } catch (JMSException e) {
                throw new IllegalStateException("cannot end subscription " + name, e);
            }
        }
    }
}
