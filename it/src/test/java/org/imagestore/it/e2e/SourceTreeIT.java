package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.apache.commons.net.ftp.FTPFile;
import org.imagestore.it.e2e.Indexer.Event;
import org.junit.jupiter.api.Test;

/**
 * A source's own folder tree over FTP: names as cameras write them, an upload replacing another under the same
 * name, deleting files and removing folders.
 */
class SourceTreeIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    @Test
    void nonAsciiNameWithSpacesRoundTrips() throws IOException {
        Source camera = http.newSource("unicode");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        String folder = "Fötos 2026";
        String name = "Ünïcødé Föto 1.jpg";
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                assertTrue(ftp.makeDirectory(folder), ftp::lastReply);
                assertTrue(ftp.changeWorkingDirectory(folder), ftp::lastReply);
                assertEquals("/" + folder, ftp.printWorkingDirectory());
                String id = ftp.upload(name, photo);
                assertEquals(List.of(name), Arrays.asList(ftp.listNames()), "NLST");
                FTPFile[] list = ftp.listFiles();
                assertEquals(1, list.length);
                assertEquals(name, list[0].getName(), "LIST");
                assertEquals(name, ftp.mlistDir()[0].getName(), "MLSD");
                assertEquals(String.valueOf(photo.length), ftp.getSize(name));
                assertTrue(Arrays.asList(ftp.listNames("/")).contains(folder), "the folder in NLST /");

                Event event = indexer.expect();
                assertEquals(name, event.body().getString("fileName"));
                assertEquals("/" + folder, event.body().getString("ftpPath"));

                JsonObject item = http.uploadsOf(camera).getJsonObject(0);
                assertEquals(name, item.getString("fileName"));
                assertEquals("/" + folder + "/" + name, item.getString("path"));
                JsonArray uploads = Responses.json(http.getText("/images/" + id + "/meta").body()).getJsonArray("uploads");
                assertEquals("/" + folder + "/" + name, uploads.getJsonObject(0).getString("path"));
                assertEquals(name, Catalogue.uploadRows(camera).getFirst().get("name"));

                assertTrue(ftp.rename(name, "Ñame ✓ 2.jpg"), ftp::lastReply);
                Event renamed = indexer.expect();
                assertEquals("Ñame ✓ 2.jpg", renamed.body().getString("fileName"));
                assertEquals("/" + folder + "/" + name, renamed.body().getString("previousPath"));
            }
        }
    }

    @Test
    void deleAndRmd() throws IOException {
        Source camera = http.newSource("dele");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        try (Ftp ftp = Ftp.login(camera)) {
            String id = ftp.upload("/full/keep.jpg", photo);
            assertTrue(ftp.makeDirectory("/empty"), ftp::lastReply);

            assertFalse(ftp.removeDirectory("/full"), "RMD of a folder with files");
            assertFalse(ftp.removeDirectory("/nowhere"), "RMD of a missing folder");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
            assertFalse(ftp.deleteFile("/full/missing.jpg"), "DELE of a missing file");
            assertTrue(ftp.getReplyCode() >= 400, ftp::lastReply);
            assertFalse(ftp.deleteFile("/empty"), "DELE of a folder");
            assertTrue(ftp.getReplyCode() >= 500, ftp::lastReply);

            assertTrue(ftp.removeDirectory("/empty"), ftp::lastReply);
            assertEquals(250, ftp.getReplyCode(), ftp::lastReply);
            assertFalse(Arrays.asList(ftp.listNames("/")).contains("empty"));

            assertTrue(ftp.deleteFile("/full/keep.jpg"), ftp::lastReply);
            assertEquals(250, ftp.getReplyCode(), ftp::lastReply);
            assertEquals(0, ftp.listFiles("/full").length, "LIST after DELE");
            assertEquals(0, http.uploadsOf(camera).size(), "the query API after DELE");
            assertTrue(ftp.removeDirectory("/full"), () -> "RMD once empty: " + ftp.lastReply());

            // the upload record is kept as not current; the image itself stays (purging is explicit)
            JsonObject meta = Responses.json(http.getText("/images/" + id + "/meta").body());
            assertFalse(meta.getJsonArray("uploads").getJsonObject(0).getBoolean("current"), meta::toString);
            assertEquals(200, http.get("/images/" + id).statusCode());
            assertTrue(Files.isRegularFile(Volumes.blob(id)));
        }
    }

    /** A file that is not there will not appear by retrying: 550 (RFC 959), not the transient 450. */
    @Test
    void deleOfAMissingFileIs550() throws IOException {
        Source camera = http.newSource("dele-missing");
        try (Ftp ftp = Ftp.login(camera)) {
            assertFalse(ftp.deleteFile("/missing.jpg"), "DELE of a missing file");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
        }
    }

    /**
     * A folder with files in it stays non-empty however often the camera retries: a permanent (5xx) refusal
     * that says why, not a 4xx that invites retrying for ever.
     */
    @Test
    void rmdOfANonEmptyFolderIsAPermanentRefusalWithAReason() throws IOException {
        Source camera = http.newSource("rmd");
        try (Ftp ftp = Ftp.login(camera)) {
            ftp.upload("/full/keep.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
            assertTrue(ftp.makeDirectory("/parent/child"), ftp::lastReply);
            assertFalse(ftp.removeDirectory("/full"), "RMD of a folder with files");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
            assertTrue(ftp.lastReply().contains("not empty"), () -> "a reason: " + ftp.lastReply());
            assertFalse(ftp.removeDirectory("/parent"), "RMD of a folder with a folder");
            assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
            assertEquals(List.of("child"), Arrays.asList(ftp.listNames("/parent")));
        }
    }

    @Test
    void anUploadOverAnExistingNameReplacesIt() throws IOException {
        Source camera = http.newSource("replace");
        byte[] first = Photos.uniquePhoto("canon-eos70d.jpg");
        byte[] second = Photos.uniquePhoto("sony-nex3n-gps.jpg");
        try (Indexer indexer = Indexer.forSources(camera)) {
            String firstId;
            String secondId;
            try (Ftp ftp = Ftp.login(camera)) {
                firstId = ftp.upload("/same.jpg", first);
                secondId = ftp.upload("/same.jpg", second);
                FTPFile[] list = ftp.listFiles("/");
                assertEquals(1, list.length, () -> Arrays.toString(list));
                assertEquals(second.length, list[0].getSize());
                assertEquals(String.valueOf(second.length), ftp.getSize("/same.jpg"));
            }
            Event stored1 = indexer.expect();
            Event removed = indexer.expect();
            Event stored2 = indexer.expect();
            indexer.expectNoMore();
            String f = firstId;
            String s = secondId;
            assertAll(
                    () -> assertEquals("stored", stored1.event()),
                    () -> assertEquals(f, stored1.body().getString("imageId")),
                    () -> assertEquals("removed", removed.event()),
                    () -> assertEquals(f, removed.body().getString("imageId")),
                    () -> assertEquals(stored1.body().getJsonNumber("uploadId"), removed.body().getJsonNumber("uploadId")),
                    () -> assertEquals("stored", stored2.event()),
                    () -> assertEquals(s, stored2.body().getString("imageId")),
                    () -> assertEquals("same.jpg", stored2.body().getString("fileName")));
            JsonArray items = http.uploadsOf(camera);
            assertEquals(1, items.size(), items::toString);
            assertEquals(secondId, items.getJsonObject(0).getString("imageId"));
            assertEquals(200, http.get("/images/" + firstId).statusCode(), "the replaced image stays readable");
        }
    }
}
