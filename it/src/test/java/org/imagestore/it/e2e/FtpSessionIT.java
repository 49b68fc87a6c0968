package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Store.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.apache.commons.net.ftp.FTPFile;
import org.imagestore.it.e2e.Store.Event;
import org.imagestore.it.e2e.Store.Ftp;
import org.imagestore.it.e2e.Store.Source;
import org.imagestore.it.e2e.Store.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A camera's FTP session, as cameras really do it: log in, make and enter dated folders, upload under a temporary
 * name, rename to the final name; in each data connection mode. What the session, the catalogue query and the
 * indexer see along the way.
 */
class FtpSessionIT {

    enum Mode { PASV, EPSV, PORT }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void cameraSessionUploadsUnderATemporaryNameAndRenames(Mode mode) throws IOException {
        Source camera = Store.newSource("cam-" + mode.name().toLowerCase());
        byte[] photo = Store.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = Store.imageId(photo);
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                switch (mode) {
                    case PASV -> ftp.enterLocalPassiveMode();
                    case EPSV -> {
                        ftp.enterLocalPassiveMode();
                        ftp.setUseEPSVwithIPv4(true);
                    }
                    case PORT -> ftp.enterLocalActiveMode();
                }
                assertEquals("/", ftp.printWorkingDirectory());

                // nested folders, one level at a time, as cameras do
                for (String folder : List.of("2026", "11", "21")) {
                    assertTrue(ftp.makeDirectory(folder), () -> "MKD " + folder + ": " + ftp.lastReply());
                    assertEquals(257, ftp.getReplyCode(), ftp::lastReply);
                    assertTrue(ftp.changeWorkingDirectory(folder), () -> "CWD " + folder + ": " + ftp.lastReply());
                }
                assertEquals("/2026/11/21", ftp.printWorkingDirectory());
                assertFalse(ftp.makeDirectory("/2026/11"), "MKD of an existing folder must fail");
                assertEquals(550, ftp.getReplyCode(), ftp::lastReply);
                assertFalse(ftp.changeWorkingDirectory("/no/such/folder"), "CWD into a missing folder");
                assertEquals("/2026/11/21", ftp.printWorkingDirectory());

                Store.Stored stored = Store.stor(ftp, "IMG_0001.tmp", photo);
                assertEquals(226, stored.code(), stored.reply());
                assertEquals(id, stored.imageId(), () -> "226 must carry the image id: " + stored.reply());
                String modeCommand = switch (mode) {
                    case PASV -> "PASV";
                    case EPSV -> "EPSV";
                    case PORT -> "PORT";
                };
                assertTrue(ftp.sent.contains(modeCommand), () -> "the client used " + modeCommand + ": " + ftp.sent);

                // stored durably, but not announced: not in the query API, no message, no outbox row
                List<Map<String, Object>> rows = Store.uploadRows(camera);
                assertEquals(1, rows.size(), rows::toString);
                assertEquals(Boolean.FALSE, rows.getFirst().get("announced"), rows::toString);
                assertEquals("IMG_0001.tmp", rows.getFirst().get("name"));
                assertEquals(0, Store.count("select count(*) from outbox where upload_id = ?", rows.getFirst().get("id")));
                assertTrue(java.nio.file.Files.isRegularFile(Store.blob(id)), "the blob is durable before 226");
                assertEquals(0, items(camera).size(), "a temporary-name upload is not in the query API");
                assertTrue(Arrays.asList(ftp.listNames()).contains("IMG_0001.tmp"), "the session sees its .tmp file");

                assertTrue(ftp.rename("IMG_0001.tmp", "IMG_0001.jpg"), () -> "RNFR/RNTO: " + ftp.lastReply());
                assertEquals(250, ftp.getReplyCode(), ftp::lastReply);

                // the session's tree
                List<String> names = Arrays.asList(ftp.listNames());
                assertEquals(List.of("IMG_0001.jpg"), names, "NLST");
                FTPFile[] list = ftp.listFiles();
                assertEquals(1, list.length, () -> "LIST " + Arrays.toString(list));
                assertEquals("IMG_0001.jpg", list[0].getName());
                assertEquals(photo.length, list[0].getSize());
                assertTrue(list[0].isFile());
                FTPFile[] mlsd = ftp.mlistDir();
                assertEquals(1, mlsd.length, () -> "MLSD " + Arrays.toString(mlsd));
                assertEquals("IMG_0001.jpg", mlsd[0].getName());
                assertEquals(photo.length, mlsd[0].getSize());
                assertTrue(mlsd[0].isFile());
                FTPFile[] parent = ftp.mlistDir("/2026/11");
                assertEquals(1, parent.length, () -> "MLSD /2026/11 " + Arrays.toString(parent));
                assertEquals("21", parent[0].getName());
                assertTrue(parent[0].isDirectory());

                assertEquals(String.valueOf(photo.length), ftp.getSize("IMG_0001.jpg"), () -> "SIZE: " + ftp.lastReply());
                assertEquals(String.valueOf(photo.length), ftp.getSize("/2026/11/21/IMG_0001.jpg"));
                String mdtm = ftp.getModificationTime("IMG_0001.jpg");
                assertNotNull(mdtm, () -> "MDTM: " + ftp.lastReply());
                Instant received = ((Timestamp) Store.uploadRows(camera).getFirst().get("received_at")).toInstant();
                Instant modified = LocalDateTime.parse(mdtm.trim().substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                        .toInstant(ZoneOffset.UTC);
                assertEquals(received.truncatedTo(ChronoUnit.SECONDS), modified, () -> "MDTM " + mdtm + " vs received " + received);
            } finally {
                Store.quit(ftp);
            }

            // exactly one message, "stored", with the final name
            Event event = indexer.expect();
            assertAll(
                    () -> assertEquals("stored", event.event()),
                    () -> assertEquals(id, event.body().getString("imageId")),
                    () -> assertEquals("IMG_0001.jpg", event.body().getString("fileName")),
                    () -> assertEquals("/2026/11/21", event.body().getString("ftpPath")),
                    () -> assertEquals(camera.name(), event.body().getString("source")));
            indexer.expectNoMore();
        }

        JsonArray items = items(camera);
        assertEquals(1, items.size(), items::toString);
        JsonObject item = items.getJsonObject(0);
        assertEquals(id, item.getString("imageId"));
        assertEquals("/2026/11/21/IMG_0001.jpg", item.getString("path"));
        assertEquals("IMG_0001.jpg", item.getString("fileName"));
        assertEquals("/images/" + id, item.getString("url"));
        HttpResponse<byte[]> original = Store.get("/images/" + id);
        assertEquals(200, original.statusCode());
        assertTrue(Arrays.equals(photo, original.body()), "the bytes uploaded over FTP are served over HTTP");
    }

    @Test
    void anUploadUnderItsFinalNameIsAnnouncedAtOnce() {
        Source camera = Store.newSource("cam-direct");
        byte[] photo = Store.uniquePhoto("sony-nex3n-gps.jpg");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            String id = Store.upload(camera, "/direct.jpg", photo);
            // 226 came after the commit: the record and the blob are there already
            List<Map<String, Object>> rows = Store.uploadRows(camera);
            assertEquals(1, rows.size(), rows::toString);
            assertEquals(Boolean.TRUE, rows.getFirst().get("announced"));
            assertEquals(id, rows.getFirst().get("image_id"));
            assertTrue(java.nio.file.Files.isRegularFile(Store.blob(id)));
            Event event = indexer.expect();
            assertEquals("stored", event.event());
            assertEquals(id, event.body().getString("imageId"));
            assertEquals("/", event.body().getString("ftpPath"));
            assertEquals("direct.jpg", event.body().getString("fileName"));
            indexer.expectNoMore();
        }
        assertEquals(1, items(camera).size());
    }

    @Test
    void aTemporaryUploadRenamedToAnotherTemporaryNameStaysUnannounced() throws IOException {
        Source camera = Store.newSource("cam-tmp2");
        byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            try {
                Store.upload(ftp, "a.tmp", photo);
                Store.upload(ftp, "b.tmp", Store.uniquePhoto("canon-eos70d.jpg"));
                assertTrue(ftp.deleteFile("b.tmp"), ftp::lastReply); // never announced: nothing to tell
                assertTrue(ftp.rename("a.tmp", "a.part"), ftp::lastReply);
                assertEquals(0, items(camera).size());
                assertTrue(ftp.rename("a.part", "a.jpg"), ftp::lastReply);
            } finally {
                Store.quit(ftp);
            }
            Event event = indexer.expect();
            assertEquals("stored", event.event(), "the first message is the announcement under the final name");
            assertEquals("a.jpg", event.body().getString("fileName"));
            indexer.expectNoMore();
        }
    }

    /** A camera re-sending a picture under the same name, through a temporary name. */
    @Test
    void renamingATemporaryUploadOntoAnExistingNameReplacesIt() throws IOException {
        Source camera = Store.newSource("cam-resend");
        byte[] first = Store.uniquePhoto("canon-eos70d.jpg");
        byte[] second = Store.uniquePhoto("canon-eos70d.jpg");
        try (Subscriber indexer = Subscriber.forSources(camera)) {
            Ftp ftp = Store.ftp(camera);
            String firstId;
            String secondId;
            try {
                firstId = Store.upload(ftp, "/pic.jpg", first);
                secondId = Store.upload(ftp, "/pic.jpg.part", second);
                assertTrue(ftp.rename("/pic.jpg.part", "/pic.jpg"), ftp::lastReply);
                assertEquals(List.of("pic.jpg"), Arrays.asList(ftp.listNames("/")));
            } finally {
                Store.quit(ftp);
            }
            Event stored = indexer.expect();
            Event removed = indexer.expect();
            Event restored = indexer.expect();
            indexer.expectNoMore();
            assertEquals("stored", stored.event());
            assertEquals(firstId, stored.body().getString("imageId"));
            assertEquals("removed", removed.event());
            assertEquals(firstId, removed.body().getString("imageId"));
            assertEquals("stored", restored.event());
            assertEquals(secondId, restored.body().getString("imageId"));
            assertEquals("pic.jpg", restored.body().getString("fileName"));
            JsonArray items = items(camera);
            assertEquals(1, items.size(), items::toString);
            assertEquals(secondId, items.getJsonObject(0).getString("imageId"));
        }
    }

    @Test
    void restartingAnUploadIsRefusedAndKeepsNothing() throws IOException {
        Source camera = Store.newSource("cam-rest");
        byte[] photo = Store.uniquePhoto("canon-eos70d.jpg");
        Ftp ftp = Store.ftp(camera);
        try {
            ftp.setRestartOffset(1000);
            Store.Stored refused = Store.stor(ftp, "/r.jpg", Arrays.copyOfRange(photo, 1000, photo.length));
            assertFalse(refused.ok());
            assertTrue(refused.code() >= 500, refused.reply());
            ftp.setRestartOffset(0);
            Store.upload(ftp, "/whole.jpg", photo); // the session is still usable
        } finally {
            Store.quit(ftp);
        }
        assertEquals(List.of("whole.jpg"), Store.uploadRows(camera).stream().map(r -> r.get("name")).toList());
    }

    /** Active mode only to the client's own address: no FTP bounce to third parties. */
    @Test
    void portToAnotherHostIsRefused() throws IOException {
        Source camera = Store.newSource("cam-bounce");
        Ftp ftp = Store.ftp(camera);
        try {
            int code = ftp.sendCommand("PORT 192,0,2,10,4,1");
            assertTrue(code >= 500, () -> "PORT to 192.0.2.10: " + ftp.lastReply());
            int eprt = ftp.sendCommand("EPRT |1|192.0.2.10|1025|");
            assertTrue(eprt >= 500, () -> "EPRT to 192.0.2.10: " + ftp.lastReply());
        } finally {
            Store.quit(ftp);
        }
    }

    @Test
    void commandsBeforeLoginAreRefused() throws IOException {
        Ftp ftp = Store.ftpConnect();
        try {
            assertFalse(ftp.changeWorkingDirectory("/"), "CWD without login");
            assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
        } finally {
            Store.quit(ftp);
        }
    }

    @Test
    void storWithoutAName() throws IOException {
        Source camera = Store.newSource("cam-noname");
        Ftp ftp = Store.ftp(camera);
        try {
            int code = ftp.sendCommand("STOR");
            assertEquals(501, code, ftp::lastReply);
        } finally {
            Store.quit(ftp);
        }
    }

    @Test
    void appendIsRefusedWithAReason() throws IOException {
        Source camera = Store.newSource("cam-appe");
        Ftp ftp = Store.ftp(camera);
        try {
            assertFalse(ftp.appendFile("x.jpg", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3})));
            assertTrue(ftp.getReplyCode() >= 500, ftp::lastReply);
        } finally {
            Store.quit(ftp);
        }
        assertEquals(List.of(), Store.uploadRows(camera));
    }

    static JsonArray items(Source source) {
        HttpResponse<String> response = Store.getText("/images?source=" + source.name());
        if (response.statusCode() != 200) {
            assertJsonError(response, 200, null);
        }
        return Store.json(response.body()).getJsonArray("items");
    }
}
