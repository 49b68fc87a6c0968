package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.imagestore.it.e2e.Indexer.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A camera's FTP session, as cameras really do it: log in, make and enter dated folders, upload under a temporary
 * name, rename to the final name; in each data connection mode. What the session, the catalogue query and the
 * indexer see along the way.
 */
class FtpSessionIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    enum Mode { PASV, EPSV, PORT }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void cameraSessionUploadsUnderATemporaryNameAndRenames(Mode mode) throws IOException {
        Source camera = http.newSource("cam-" + mode.name().toLowerCase());
        byte[] photo = Photos.uniquePhoto("xiaomi-mi-a3-gps.jpg");
        String id = ImageId.of(photo);
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
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

                Ftp.Stored stored = ftp.stor("IMG_0001.tmp", photo);
                assertEquals(226, stored.code(), stored.reply());
                assertEquals(id, stored.imageId(), () -> "226 must carry the image id: " + stored.reply());
                String modeCommand = switch (mode) {
                    case PASV -> "PASV";
                    case EPSV -> "EPSV";
                    case PORT -> "PORT";
                };
                assertTrue(ftp.commandsSent().contains(modeCommand), () -> "the client used " + modeCommand + ": " + ftp.commandsSent());

                // stored durably, but not announced: not in the query API, no message, no outbox row
                List<Map<String, Object>> rows = Catalogue.uploadRows(camera);
                assertEquals(1, rows.size(), rows::toString);
                assertEquals(Boolean.FALSE, rows.getFirst().get("announced"), rows::toString);
                assertEquals("IMG_0001.tmp", rows.getFirst().get("name"));
                assertEquals(0, Catalogue.count("select count(*) from outbox where upload_id = ?", rows.getFirst().get("id")));
                assertTrue(Files.isRegularFile(Volumes.blob(id)), "the blob is durable before 226");
                assertEquals(0, http.uploadsOf(camera).size(), "a temporary-name upload is not in the query API");
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
                Instant received = ((Timestamp) Catalogue.uploadRows(camera).getFirst().get("received_at")).toInstant();
                Instant modified = LocalDateTime.parse(mdtm.trim().substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                        .toInstant(ZoneOffset.UTC);
                assertEquals(received.truncatedTo(ChronoUnit.SECONDS), modified, () -> "MDTM " + mdtm + " vs received " + received);
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

        JsonArray items = http.uploadsOf(camera);
        assertEquals(1, items.size(), items::toString);
        JsonObject item = items.getJsonObject(0);
        assertEquals(id, item.getString("imageId"));
        assertEquals("/2026/11/21/IMG_0001.jpg", item.getString("path"));
        assertEquals("IMG_0001.jpg", item.getString("fileName"));
        assertEquals("/images/" + id, item.getString("url"));
        HttpResponse<byte[]> original = http.get("/images/" + id);
        assertEquals(200, original.statusCode());
        assertTrue(Arrays.equals(photo, original.body()), "the bytes uploaded over FTP are served over HTTP");
    }

    @Test
    void anUploadUnderItsFinalNameIsAnnouncedAtOnce() {
        Source camera = http.newSource("cam-direct");
        byte[] photo = Photos.uniquePhoto("sony-nex3n-gps.jpg");
        try (Indexer indexer = Indexer.forSources(camera)) {
            String id = Ftp.upload(camera, "/direct.jpg", photo);
            // 226 came after the commit: the record and the blob are there already
            List<Map<String, Object>> rows = Catalogue.uploadRows(camera);
            assertEquals(1, rows.size(), rows::toString);
            assertEquals(Boolean.TRUE, rows.getFirst().get("announced"));
            assertEquals(id, rows.getFirst().get("image_id"));
            assertTrue(Files.isRegularFile(Volumes.blob(id)));
            Event event = indexer.expect();
            assertEquals("stored", event.event());
            assertEquals(id, event.body().getString("imageId"));
            assertEquals("/", event.body().getString("ftpPath"));
            assertEquals("direct.jpg", event.body().getString("fileName"));
            indexer.expectNoMore();
        }
        assertEquals(1, http.uploadsOf(camera).size());
    }

    @Test
    void aTemporaryUploadRenamedToAnotherTemporaryNameStaysUnannounced() throws IOException {
        Source camera = http.newSource("cam-tmp2");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        try (Indexer indexer = Indexer.forSources(camera)) {
            try (Ftp ftp = Ftp.login(camera)) {
                ftp.upload("a.tmp", photo);
                ftp.upload("b.tmp", Photos.uniquePhoto("canon-eos70d.jpg"));
                assertTrue(ftp.deleteFile("b.tmp"), ftp::lastReply); // never announced: nothing to tell
                assertTrue(ftp.rename("a.tmp", "a.part"), ftp::lastReply);
                assertEquals(0, http.uploadsOf(camera).size());
                assertTrue(ftp.rename("a.part", "a.jpg"), ftp::lastReply);
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
        Source camera = http.newSource("cam-resend");
        byte[] first = Photos.uniquePhoto("canon-eos70d.jpg");
        byte[] second = Photos.uniquePhoto("canon-eos70d.jpg");
        try (Indexer indexer = Indexer.forSources(camera)) {
            String firstId;
            String secondId;
            try (Ftp ftp = Ftp.login(camera)) {
                firstId = ftp.upload("/pic.jpg", first);
                secondId = ftp.upload("/pic.jpg.part", second);
                assertTrue(ftp.rename("/pic.jpg.part", "/pic.jpg"), ftp::lastReply);
                assertEquals(List.of("pic.jpg"), Arrays.asList(ftp.listNames("/")));
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
            JsonArray items = http.uploadsOf(camera);
            assertEquals(1, items.size(), items::toString);
            assertEquals(secondId, items.getJsonObject(0).getString("imageId"));
        }
    }

    @Test
    void restartingAnUploadIsRefusedAndKeepsNothing() throws IOException {
        Source camera = http.newSource("cam-rest");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        try (Ftp ftp = Ftp.login(camera)) {
            ftp.setRestartOffset(1000);
            Ftp.Stored refused = ftp.stor("/r.jpg", Arrays.copyOfRange(photo, 1000, photo.length));
            assertFalse(refused.ok());
            assertTrue(refused.code() >= 500, refused.reply());
            ftp.setRestartOffset(0);
            ftp.upload("/whole.jpg", photo); // the session is still usable
        }
        assertEquals(List.of("whole.jpg"), Catalogue.uploadRows(camera).stream().map(r -> r.get("name")).toList());
    }

    /** Active mode only to the client's own address: no FTP bounce to third parties. */
    @Test
    void portToAnotherHostIsRefused() throws IOException {
        Source camera = http.newSource("cam-bounce");
        try (Ftp ftp = Ftp.login(camera)) {
            int code = ftp.sendCommand("PORT 192,0,2,10,4,1");
            assertTrue(code >= 500, () -> "PORT to 192.0.2.10: " + ftp.lastReply());
            int eprt = ftp.sendCommand("EPRT |1|192.0.2.10|1025|");
            assertTrue(eprt >= 500, () -> "EPRT to 192.0.2.10: " + ftp.lastReply());
        }
    }

    @Test
    void commandsBeforeLoginAreRefused() throws IOException {
        try (Ftp ftp = Ftp.connect()) {
            assertFalse(ftp.changeWorkingDirectory("/"), "CWD without login");
            assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
        }
    }

    @Test
    void storWithoutAName() throws IOException {
        Source camera = http.newSource("cam-noname");
        try (Ftp ftp = Ftp.login(camera)) {
            int code = ftp.sendCommand("STOR");
            assertEquals(501, code, ftp::lastReply);
        }
    }

    @Test
    void appendIsRefusedWithAReason() throws IOException {
        Source camera = http.newSource("cam-appe");
        try (Ftp ftp = Ftp.login(camera)) {
            assertFalse(ftp.appendFile("x.jpg", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3})));
            assertTrue(ftp.getReplyCode() >= 500, ftp::lastReply);
        }
        assertEquals(List.of(), Catalogue.uploadRows(camera));
    }

    /**
     * A mirror tool as operators use it to push a folder of pictures: {@code lftp mirror -R} plans by {@code FEAT}
     * and sends {@code SITE CHMOD} and a time change after each file. It must finish without one error line.
     */
    @Test
    void lftpMirrorPushesAFolderWithoutAnError() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lftp")), "lftp is not installed (.ci/run installs it)");
        Source camera = http.newSource("cam-lftp");
        Path local = Files.createTempDirectory("lftp-mirror");
        Files.createDirectories(local.resolve("2026/12"));
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("a.jpg", "2026/b.jpg", "2026/12/c.jpg")) {
            byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
            Files.write(local.resolve(name), photo);
            ids.add(ImageId.of(photo));
        }
        NodeAddress node = NodeAddress.NODE_1;
        String script = "set ftp:ssl-allow no; set net:max-retries 1; open -u " + camera.name() + "," + camera.password()
                + " -p " + node.ftpPort() + " " + node.host() + "; mirror -R --verbose=1 " + local + " /pushed";
        Process lftp = new ProcessBuilder("lftp", "-c", script).redirectErrorStream(true).start();
        String output = new String(lftp.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(lftp.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), output);
        System.out.println("lftp mirror -R:\n" + output);
        assertEquals(0, lftp.exitValue(), output);
        assertTrue(output.lines().noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).matches(".*(error|fail|denied|not supported|not implemented).*")),
                output);
        List<Map<String, Object>> rows = Catalogue.uploadRows(camera);
        assertEquals(java.util.Set.copyOf(ids), rows.stream().map(r -> (String) r.get("image_id")).collect(java.util.stream.Collectors.toSet()));
    }
}
