package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.imagestore.it.e2e.Ftp.Stored;
import org.imagestore.it.e2e.Indexer.Event;
import org.junit.jupiter.api.Test;

/**
 * Image identity: the same bytes are the same image, whoever sends them and under whatever name. One image row,
 * one blob, one upload record (and one message) per upload.
 */
class ImageIdentityIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    @Test
    void sameBytesUnderTwoNamesAreOneImageWithTwoUploads() throws IOException {
        Source camera = http.newSource("dup");
        byte[] photo = Photos.uniquePhoto("sony-nex3n-gps.jpg");
        String id;
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                id = ftp.upload("/a/one.jpg", photo);
                assertEquals(id, ftp.upload("/b/two.jpg", photo), "same bytes, same id");
            }
            Event first = indexer.expect();
            Event second = indexer.expect();
            indexer.expectNoMore();
            assertEquals("stored", first.event());
            assertEquals("stored", second.event());
            assertEquals(id, first.body().getString("imageId"));
            assertEquals(id, second.body().getString("imageId"));
            assertEquals("one.jpg", first.body().getString("fileName"));
            assertEquals("two.jpg", second.body().getString("fileName"));
            assertNotEquals(first.body().getJsonNumber("uploadId").longValue(), second.body().getJsonNumber("uploadId").longValue());
        }
        assertEquals(1, Catalogue.count("select count(*) from image where id = ?", id));
        assertEquals(2, Catalogue.count("select count(*) from upload where image_id = ?", id));
        assertEquals(2, Catalogue.count("select count(*) from placement where image_id = ?", id), "R copies, not 2R");
        assertOneBlobFilePerCopy(id);
        JsonObject meta = Responses.json(http.getText("/images/" + id + "/meta").body());
        assertEquals(2, meta.getJsonArray("uploads").size(), meta::toString);
        assertEquals(2, meta.getJsonArray("replicas").size(), meta::toString);
        assertEquals(2, http.uploadsOf(camera).size());
    }

    /** Two cameras sending identical bytes at the same moment share one blob; both get 226. */
    @Test
    void identicalBytesFromSeveralCamerasAtOnce() throws Exception {
        byte[] photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = ImageId.of(photo);
        List<Source> cameras = Stream.generate(() -> http.newSource("same-time")).limit(4).toList();
        CyclicBarrier start = new CyclicBarrier(cameras.size());
        ExecutorService pool = Executors.newFixedThreadPool(cameras.size());
        try {
            List<Future<Stored>> results = cameras.stream().map(camera -> pool.submit(() -> {
                try (Ftp ftp = Ftp.login(camera)) {
                    start.await();
                    return ftp.stor("/same.jpg", photo);
                }
            })).toList();
            for (Future<Stored> result : results) {
                Stored stored = result.get(120, TimeUnit.SECONDS);
                assertEquals(226, stored.code(), stored.reply());
                assertEquals(id, stored.imageId());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Catalogue.count("select count(*) from image where id = ?", id));
        assertEquals(cameras.size(), Catalogue.count("select count(*) from upload where image_id = ?", id));
        assertEquals(2, Catalogue.count("select count(*) from placement where image_id = ?", id), "R copies, not more");
        assertOneBlobFilePerCopy(id);
        assertArrayEquals(photo, Files.readAllBytes(Volumes.blob(id)));
        Volumes.awaitStagingEmpty();
    }

    /** Each node with a copy has exactly one file for it (no leftover of a second store of the same bytes). */
    private static void assertOneBlobFilePerCopy(String id) throws IOException {
        List<Path> copies = Volumes.copies(id);
        assertEquals(2, copies.size(), () -> "copies: " + copies);
        for (Path copy : copies) {
            try (Stream<Path> group = Files.list(copy.getParent())) {
                List<String> files = group.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id)).toList();
                assertEquals(List.of(id), files, "one blob file in " + copy.getParent());
            }
        }
    }
}
