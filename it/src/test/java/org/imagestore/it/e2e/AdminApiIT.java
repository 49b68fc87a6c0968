package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Store.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.imagestore.it.e2e.Store.Ftp;
import org.imagestore.it.e2e.Store.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /admin/sources}: who may upload, managed over HTTP by the store's administrators. */
class AdminApiIT {

    @Test
    void withoutCredentialsIs401() {
        HttpResponse<String> list = Store.adminCall(null, null, "GET", "/admin/sources", null);
        assertEquals(401, list.statusCode(), list.body());
        assertTrue(list.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                () -> "a Basic challenge: " + list.headers().map());
        HttpResponse<String> create = Store.adminCall(null, null, "POST", "/admin/sources",
                "{\"name\":\"anon-" + Store.random(4) + "\",\"password\":\"a-long-secret-1\"}");
        assertEquals(401, create.statusCode(), create.body());
    }

    @Test
    void wrongPasswordIs401() {
        HttpResponse<String> wrong = Store.adminCall("admin", Store.adminPassword() + "x", "GET", "/admin/sources", null);
        assertEquals(401, wrong.statusCode(), wrong.body());
        HttpResponse<String> nobody = Store.adminCall("nobody", Store.adminPassword(), "GET", "/admin/sources", null);
        assertEquals(401, nobody.statusCode(), nobody.body());
        String name = "wrongpw-" + Store.random(4);
        HttpResponse<String> create = Store.adminCall("admin", "not-the-password", "POST", "/admin/sources",
                "{\"name\":\"" + name + "\",\"password\":\"a-long-secret-1\"}");
        assertEquals(401, create.statusCode(), create.body());
        assertEquals(404, Store.admin("GET", "/admin/sources/" + name, null).statusCode(), "nothing was created");
    }

    @Test
    void aSourceAccountCannotUseTheAdminApi() {
        Source camera = Store.newSource("not-admin");
        HttpResponse<String> response = Store.adminCall(camera.name(), camera.password(), "GET", "/admin/sources", null);
        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void purgeNeedsAnAdministrator() {
        Source camera = Store.newSource("purge-anon");
        String id = Store.upload(camera, "/p.jpg", Store.uniquePhoto("canon-eos70d.jpg"));
        HttpResponse<String> anonymous = Store.adminCall(null, null, "DELETE", "/images/" + id, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(200, Store.get("/images/" + id).statusCode(), "still there");
    }

    @Test
    void purgeRemovesEveryCopyRenditionAndUploadAndTellsTheIndexer() {
        Source camera = Store.newSource("purge");
        byte[] photo = Store.uniquePhoto("sony-nex3n-gps.jpg");
        String id;
        try (Store.Subscriber indexer = Store.Subscriber.forSources(camera)) {
            id = Store.upload(camera, "/gone.jpg", photo);
            assertEquals(200, Store.get("/images/" + id + "?w=120").statusCode());
            assertEquals("stored", indexer.expect().event());

            HttpResponse<String> purged = Store.admin("DELETE", "/images/" + id, null);
            assertEquals(204, purged.statusCode(), purged.body());

            Store.Event removed = indexer.expect();
            assertEquals("removed", removed.event());
            assertEquals(id, removed.body().getString("imageId"));
            indexer.expectNoMore();
        }
        assertJsonError(Store.get("/images/" + id), 404, null);
        assertJsonError(Store.get("/images/" + id + "?w=120"), 404, null);
        assertJsonError(Store.get("/images/" + id + "/meta"), 404, null);
        assertEquals(0, FtpSessionIT.items(camera).size());
        assertFalse(java.nio.file.Files.exists(Store.blob(id)), "the blob is deleted");
        assertEquals(0, Store.count("select count(*) from image where id = ?", id));
        assertJsonError(Store.admin("DELETE", "/images/" + id, null), 404, null);

        // the same bytes can come again, and are stored and served again
        assertEquals(id, Store.upload(camera, "/again.jpg", photo));
        HttpResponse<byte[]> again = Store.get("/images/" + id);
        assertEquals(200, again.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(photo, again.body());
        assertEquals(200, Store.get("/images/" + id + "?w=120").statusCode());
    }

    @Test
    void createListGet() {
        String name = "adm-" + Store.random(5);
        HttpResponse<String> created = Store.admin("POST", "/admin/sources",
                "{\"name\":\"" + name + "\",\"password\":\"a-long-secret-1\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/admin/sources/" + name),
                () -> "Location: " + created.headers().map());
        JsonObject body = Store.json(created.body());
        assertEquals(name, body.getString("name"));
        assertTrue(body.getBoolean("enabled"));
        Instant.parse(body.getString("createdAt"));
        assertFalse(created.body().contains("a-long-secret-1"), "the password is never shown");
        assertFalse(body.containsKey("password") || body.containsKey("passwordHash"), body::toString);

        HttpResponse<String> list = Store.admin("GET", "/admin/sources", null);
        assertEquals(200, list.statusCode(), list.body());
        JsonArray sources = Store.jsonArray(list.body());
        assertTrue(sources.stream().anyMatch(s -> s.asJsonObject().getString("name").equals(name)), list::body);
        assertFalse(list.body().contains("PBKDF2"), "no hashes in the list");
        assertTrue(sources.stream().allMatch(s -> s.asJsonObject().keySet().stream()
                .noneMatch(key -> key.toLowerCase().contains("password"))), list::body);

        HttpResponse<String> one = Store.admin("GET", "/admin/sources/" + name, null);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(name, Store.json(one.body()).getString("name"));

        assertJsonError(Store.admin("GET", "/admin/sources/nobody-" + Store.random(4), null), 404, null);

        // the password is stored hashed
        String hash = (String) Store.query("select password_hash from source where name = ?", name).getFirst().get("password_hash");
        assertFalse(hash.contains("a-long-secret-1"), "stored hashed");
    }

    @Test
    void duplicateIs409() {
        Source camera = Store.newSource("dup-adm");
        HttpResponse<String> again = Store.admin("POST", "/admin/sources",
                "{\"name\":\"" + camera.name() + "\",\"password\":\"another-long-secret\"}");
        assertJsonError(again, 409, "name");
        // the first account's password still works
        Store.quit(Store.ftp(camera));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper-Case", "with space", "-leading-dash", "", "slash/inside", "ünïcode",
            "x2345678901234567890123456789012345678901234567890123456789012345"})
    void badNameIs400NamingTheField(String name) {
        HttpResponse<String> response = Store.admin("POST", "/admin/sources",
                "{\"name\":\"" + name + "\",\"password\":\"a-long-secret-1\"}");
        assertJsonError(response, 400, "name");
    }

    @Test
    void missingNameIs400() {
        assertJsonError(Store.admin("POST", "/admin/sources", "{\"password\":\"a-long-secret-1\"}"), 400, "name");
    }

    @Test
    void shortOrMissingPasswordIs400NamingTheField() {
        String name = "shortpw-" + Store.random(4);
        assertJsonError(Store.admin("POST", "/admin/sources", "{\"name\":\"" + name + "\",\"password\":\"abc\"}"), 400, "password");
        assertJsonError(Store.admin("POST", "/admin/sources", "{\"name\":\"" + name + "\"}"), 400, "password");
        assertEquals(404, Store.admin("GET", "/admin/sources/" + name, null).statusCode(), "nothing was created");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = Store.admin("POST", "/admin/sources", "{\"name\": ");
        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void passwordChangeStopsTheOldPasswordWorkingForFtp() throws IOException {
        Source camera = Store.newSource("chpw");
        Store.quit(Store.ftp(camera)); // the old password works (and may be remembered as recently verified)
        String newPassword = "new-" + Store.random(10);
        HttpResponse<String> changed = Store.admin("PUT", "/admin/sources/" + camera.name(),
                "{\"password\":\"" + newPassword + "\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertFalse(changed.body().contains(newPassword));

        Ftp old = Store.ftpConnect();
        try {
            assertFalse(old.login(camera.name(), camera.password()), "the old password must stop working");
            assertEquals(530, old.getReplyCode(), old::lastReply);
        } finally {
            Store.quit(old);
        }
        Source renewed = new Source(camera.name(), newPassword);
        Store.upload(renewed, "/after-change.jpg", Store.uniquePhoto("canon-eos70d.jpg"));

        assertJsonError(Store.admin("PUT", "/admin/sources/" + camera.name(), "{\"password\":\"short\"}"), 400, "password");
        Store.quit(Store.ftp(renewed)); // a refused change changes nothing
    }

    @Test
    void disableAndEnable() throws IOException {
        Source camera = Store.newSource("toggle");
        HttpResponse<String> disabled = Store.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":false}");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertFalse(Store.json(disabled.body()).getBoolean("enabled"));
        assertFalse(Store.json(Store.admin("GET", "/admin/sources/" + camera.name(), null).body()).getBoolean("enabled"));

        Ftp ftp = Store.ftpConnect();
        try {
            assertFalse(ftp.login(camera.name(), camera.password()), "a disabled source cannot log in");
            assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
        } finally {
            Store.quit(ftp);
        }

        HttpResponse<String> enabled = Store.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":true}");
        assertEquals(200, enabled.statusCode(), enabled.body());
        assertTrue(Store.json(enabled.body()).getBoolean("enabled"));
        Store.quit(Store.ftp(camera));
    }

    @Test
    void changesToUnknownSourcesOrWithoutContentAreRefused() {
        assertJsonError(Store.admin("PUT", "/admin/sources/nobody-" + Store.random(4), "{\"enabled\":false}"), 404, null);
        Source camera = Store.newSource("emptyput");
        assertJsonError(Store.admin("PUT", "/admin/sources/" + camera.name(), "{}"), 400, "body");
    }
}
