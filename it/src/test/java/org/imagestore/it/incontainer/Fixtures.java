package org.imagestore.it.incontainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.imagestore.image.ImageId;
import org.imagestore.ingest.IncomingUpload;
import org.imagestore.upload.TreePath;

/** Staged uploads and catalogue queries for the in-container tests. */
final class Fixtures {

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /**
     * Stages a real photo as the FTP connector would. A random trailer after the JPEG's end marker makes the
     * bytes (and so the image id) new for every call, unless {@code sameBytesAs} is given.
     */
    static IncomingUpload stagedPhoto(String path, String photo) {
        return staged(path, withTrailer(resource(photo)));
    }

    static IncomingUpload staged(String path, byte[] bytes) {
        try {
            Path file = Files.createTempFile("incontainer-", ".upload");
            Files.write(file, bytes);
            return new IncomingUpload(new TreePath(path), file, () -> { }, bytes.length, ImageId.ofSha256(sha256(bytes)),
                    Instant.now(), "127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] withTrailer(byte[] jpeg) {
        byte[] trailer = new byte[16];
        ThreadLocalRandom.current().nextBytes(trailer);
        byte[] out = new byte[jpeg.length + trailer.length];
        System.arraycopy(jpeg, 0, out, 0, jpeg.length);
        System.arraycopy(trailer, 0, out, jpeg.length, trailer.length);
        return out;
    }

    static byte[] resource(String photo) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/photos/" + photo)) {
            if (in == null) {
                throw new IllegalStateException("no test photo " + photo);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, or null. */
    static Object queryValue(DataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long count(DataSource db, String sql, Object... parameters) {
        return ((Number) queryValue(db, sql, parameters)).longValue();
    }
}
