package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.util.List;

/** What a refused upload must leave behind: nothing, wherever the store keeps things. */
final class Refusals {

    private static final Http http = new Http(NodeAddress.NODE_1);

    private Refusals() {
    }

    /** No upload record of the source, no blob or image row of these bytes, no staging leftovers, nothing served. */
    static void assertNothingKept(Source camera, byte[] bytes) {
        assertEquals(List.of(), Catalogue.uploadRows(camera), "upload records of " + camera.name());
        String id = ImageId.of(bytes);
        assertFalse(Files.exists(Volumes.blob(id)), "a blob of the refused bytes: " + Volumes.blob(id));
        assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id), "an image row of the refused bytes");
        Volumes.awaitStagingEmpty();
        assertEquals(404, http.get("/images/" + id).statusCode(), "the refused bytes are not served");
    }
}
