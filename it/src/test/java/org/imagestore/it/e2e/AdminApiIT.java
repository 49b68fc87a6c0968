package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Refusals.assertNothingKept;
import static org.imagestore.it.e2e.Responses.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.imagestore.it.e2e.Ftp.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /admin/sources}: who may upload, managed over HTTP by the store's administrators. */
class AdminApiIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    @Test
    void withoutCredentialsIs401() {
        HttpResponse<String> list = http.call(null, null, "GET", "/admin/sources", null);
        assertEquals(401, list.statusCode(), list.body());
        assertTrue(list.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                () -> "a Basic challenge: " + list.headers().map());
        HttpResponse<String> create = http.call(null, null, "POST", "/admin/sources",
                "{\"name\":\"anon-" + Unique.hex(4) + "\",\"password\":\"a-long-secret-1\"}");
        assertEquals(401, create.statusCode(), create.body());
    }

    @Test
    void wrongPasswordIs401() {
        HttpResponse<String> wrong = http.call("admin", Settings.adminPassword() + "x", "GET", "/admin/sources", null);
        assertEquals(401, wrong.statusCode(), wrong.body());
        HttpResponse<String> nobody = http.call("nobody", Settings.adminPassword(), "GET", "/admin/sources", null);
        assertEquals(401, nobody.statusCode(), nobody.body());
        String name = "wrongpw-" + Unique.hex(4);
        HttpResponse<String> create = http.call("admin", "not-the-password", "POST", "/admin/sources",
                "{\"name\":\"" + name + "\",\"password\":\"a-long-secret-1\"}");
        assertEquals(401, create.statusCode(), create.body());
        assertEquals(404, http.admin("GET", "/admin/sources/" + name, null).statusCode(), "nothing was created");
    }

    /**
     * The admin API is recognised on the path the container decodes and normalises, so a disguised path is refused
     * as well (or is no path at all): never answered without an administrator.
     */
    @Test
    void disguisedPathsToTheAdminApiAreRefusedToo() {
        for (String path : new String[] {"/images/../admin/sources", "/./admin/sources", "//admin/sources",
                "/%61dmin/sources", "/admin;x=1/sources", "/health/../admin/cluster"}) {
            HttpResponse<String> anonymous = http.call(null, null, "GET", path, null);
            assertTrue(anonymous.statusCode() == 401 || anonymous.statusCode() == 400 || anonymous.statusCode() == 404,
                    () -> path + ": " + anonymous.statusCode() + " " + anonymous.body());
        }
        HttpResponse<String> normalised = http.call(null, null, "GET", "/images/../admin/sources", null);
        assertEquals(401, normalised.statusCode(), "a dot segment leads to the admin API, which asks for a password");
        String id = Ftp.upload(http.newSource("disguised"), "/d.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        assertEquals(401, http.call(null, null, "DELETE", "/admin/../images/" + id, null).statusCode(), "a purge");
        assertEquals(200, http.get("/images/" + id).statusCode(), "still there");
    }

    @Test
    void wrongCredentialsOnAPublicReadLeaveTheCallerAnonymous() {
        HttpResponse<String> health = http.call("admin", Settings.adminPassword() + "x", "GET", "/health", null);
        assertEquals(200, health.statusCode(), health.body());
        assertFalse(health.body().contains("\"checks\""), "no detail for a wrong password: " + health.body());
        HttpResponse<String> query = http.call("nobody", "nothing-at-all", "GET", "/images?source=nobody", null);
        assertEquals(200, query.statusCode(), () -> "upload queries stay public: " + query.body());
    }

    @Test
    void aSourceAccountCannotUseTheAdminApi() {
        Source camera = http.newSource("not-admin");
        HttpResponse<String> response = http.call(camera.name(), camera.password(), "GET", "/admin/sources", null);
        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void purgeNeedsAnAdministrator() {
        Source camera = http.newSource("purge-anon");
        String id = Ftp.upload(camera, "/p.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        HttpResponse<String> anonymous = http.call(null, null, "DELETE", "/images/" + id, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(200, http.get("/images/" + id).statusCode(), "still there");
    }

    @Test
    void purgeRemovesEveryCopyRenditionAndUploadAndTellsTheIndexer() {
        Source camera = http.newSource("purge");
        byte[] photo = Photos.uniquePhoto("sony-nex3n-gps.jpg");
        String id;
        try (Indexer indexer = Indexer.forSources(camera)) {
            id = Ftp.upload(camera, "/gone.jpg", photo);
            assertEquals(200, http.get("/images/" + id + "?w=120").statusCode());
            assertEquals("stored", indexer.expect().event());

            HttpResponse<String> purged = http.admin("DELETE", "/images/" + id, null);
            assertEquals(204, purged.statusCode(), purged.body());

            Indexer.Event removed = indexer.expect();
            assertEquals("removed", removed.event());
            assertEquals(id, removed.body().getString("imageId"));
            indexer.expectNoMore();
        }
        assertJsonError(http.get("/images/" + id), 404, null);
        assertJsonError(http.get("/images/" + id + "?w=120"), 404, null);
        assertJsonError(http.get("/images/" + id + "/meta"), 404, null);
        assertEquals(0, http.uploadsOf(camera).size());
        assertFalse(java.nio.file.Files.exists(Volumes.blob(id)), "the blob is deleted");
        assertEquals(0, Catalogue.count("select count(*) from image where id = ?", id));
        assertEquals(0, Catalogue.groupsMiscounted(), "the group totals levelling reads lost the purged image");
        assertJsonError(http.admin("DELETE", "/images/" + id, null), 404, null);

        // the same bytes can come again, and are stored and served again
        assertEquals(id, Ftp.upload(camera, "/again.jpg", photo));
        HttpResponse<byte[]> again = http.get("/images/" + id);
        assertEquals(200, again.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(photo, again.body());
        assertEquals(200, http.get("/images/" + id + "?w=120").statusCode());
        assertEquals(0, Catalogue.groupsMiscounted(), "the group totals levelling reads count every image once");
    }

    @Test
    void createListGet() {
        String name = "adm-" + Unique.hex(5);
        HttpResponse<String> created = http.admin("POST", "/admin/sources",
                "{\"name\":\"" + name + "\",\"password\":\"a-long-secret-1\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/admin/sources/" + name),
                () -> "Location: " + created.headers().map());
        JsonObject body = Responses.json(created.body());
        assertEquals(name, body.getString("name"));
        assertTrue(body.getBoolean("enabled"));
        Instant.parse(body.getString("createdAt"));
        assertFalse(created.body().contains("a-long-secret-1"), "the password is never shown");
        assertFalse(body.containsKey("password") || body.containsKey("passwordHash"), body::toString);

        HttpResponse<String> list = http.admin("GET", "/admin/sources", null);
        assertEquals(200, list.statusCode(), list.body());
        JsonArray sources = Responses.jsonArray(list.body());
        assertTrue(sources.stream().anyMatch(s -> s.asJsonObject().getString("name").equals(name)), list::body);
        assertFalse(list.body().contains("PBKDF2"), "no hashes in the list");
        assertTrue(sources.stream().allMatch(s -> s.asJsonObject().keySet().stream()
                .noneMatch(key -> key.toLowerCase().contains("password"))), list::body);

        HttpResponse<String> one = http.admin("GET", "/admin/sources/" + name, null);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(name, Responses.json(one.body()).getString("name"));

        assertJsonError(http.admin("GET", "/admin/sources/nobody-" + Unique.hex(4), null), 404, null);

        // the password is stored hashed
        String hash = (String) Catalogue.query("select password_hash from source where name = ?", name).getFirst().get("password_hash");
        assertFalse(hash.contains("a-long-secret-1"), "stored hashed");
    }

    @Test
    void duplicateIs409() {
        Source camera = http.newSource("dup-adm");
        HttpResponse<String> again = http.admin("POST", "/admin/sources",
                "{\"name\":\"" + camera.name() + "\",\"password\":\"another-long-secret\"}");
        assertJsonError(again, 409, "name");
        // the first account's password still works
        Ftp.login(camera).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper-Case", "with space", "-leading-dash", "", "slash/inside", "ünïcode",
            "x2345678901234567890123456789012345678901234567890123456789012345"})
    void badNameIs400NamingTheField(String name) {
        HttpResponse<String> response = http.admin("POST", "/admin/sources",
                "{\"name\":\"" + name + "\",\"password\":\"a-long-secret-1\"}");
        assertJsonError(response, 400, "name");
    }

    @Test
    void missingNameIs400() {
        assertJsonError(http.admin("POST", "/admin/sources", "{\"password\":\"a-long-secret-1\"}"), 400, "name");
    }

    @Test
    void shortOrMissingPasswordIs400NamingTheField() {
        String name = "shortpw-" + Unique.hex(4);
        assertJsonError(http.admin("POST", "/admin/sources", "{\"name\":\"" + name + "\",\"password\":\"abc\"}"), 400, "password");
        assertJsonError(http.admin("POST", "/admin/sources", "{\"name\":\"" + name + "\"}"), 400, "password");
        assertEquals(404, http.admin("GET", "/admin/sources/" + name, null).statusCode(), "nothing was created");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = http.admin("POST", "/admin/sources", "{\"name\": ");
        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void passwordChangeStopsTheOldPasswordWorkingForFtp() throws IOException {
        Source camera = http.newSource("chpw");
        Ftp.login(camera).close(); // the old password works (and may be remembered as recently verified)
        String newPassword = "new-" + Unique.hex(10);
        HttpResponse<String> changed = http.admin("PUT", "/admin/sources/" + camera.name(),
                "{\"password\":\"" + newPassword + "\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertFalse(changed.body().contains(newPassword));

        try (Ftp old = Ftp.connect()) {
            assertFalse(old.login(camera.name(), camera.password()), "the old password must stop working");
            assertEquals(530, old.getReplyCode(), old::lastReply);
        }
        Source renewed = new Source(camera.name(), newPassword);
        Ftp.upload(renewed, "/after-change.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));

        assertJsonError(http.admin("PUT", "/admin/sources/" + camera.name(), "{\"password\":\"short\"}"), 400, "password");
        Ftp.login(renewed).close(); // a refused change changes nothing
    }

    @Test
    void disableAndEnable() throws IOException {
        Source camera = http.newSource("toggle");
        HttpResponse<String> disabled = http.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":false}");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertFalse(Responses.json(disabled.body()).getBoolean("enabled"));
        assertFalse(Responses.json(http.admin("GET", "/admin/sources/" + camera.name(), null).body()).getBoolean("enabled"));

        try (Ftp ftp = Ftp.connect()) {
            assertFalse(ftp.login(camera.name(), camera.password()), "a disabled source cannot log in");
            assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
        }

        HttpResponse<String> enabled = http.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":true}");
        assertEquals(200, enabled.statusCode(), enabled.body());
        assertTrue(Responses.json(enabled.body()).getBoolean("enabled"));
        Ftp.login(camera).close();
    }

    /** Disabling takes effect at once: no new login, and a session opened before cannot upload any more. */
    @Test
    void aDisabledSourceCannotLogInNorUploadInAnOpenSession() throws IOException {
        Source camera = http.newSource("disabled");
        try (Ftp open = Ftp.login(camera)) {
            var response = http.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":false}");
            assertEquals(200, response.statusCode(), response.body());

            try (Ftp ftp = Ftp.connect()) {
                assertFalse(ftp.login(camera.name(), camera.password()), "a disabled source logs in");
                assertEquals(530, ftp.getReplyCode(), ftp::lastReply);
            }

            byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
            Stored refused = open.stor("late.jpg", photo);
            assertFalse(refused.ok(), "the session opened before the source was disabled stores nothing");
            assertTrue(refused.code() >= 500, refused.reply());
            assertNothingKept(camera, photo);
        }
        var enabled = http.admin("PUT", "/admin/sources/" + camera.name(), "{\"enabled\":true}");
        assertEquals(200, enabled.statusCode(), enabled.body());
        Ftp.login(camera).close();
    }

    @Test
    void changesToUnknownSourcesOrWithoutContentAreRefused() {
        assertJsonError(http.admin("PUT", "/admin/sources/nobody-" + Unique.hex(4), "{\"enabled\":false}"), 404, null);
        Source camera = http.newSource("emptyput");
        assertJsonError(http.admin("PUT", "/admin/sources/" + camera.name(), "{}"), 400, "body");
    }

    @Test
    void anAdministratorChangesAPasswordAndTheLastAdministratorStays() {
        String name = "ops-" + Unique.hex(4);
        assertEquals(201, http.admin("POST", "/admin/accounts", "{\"name\":\"" + name + "\",\"password\":\"first-password-1\"}").statusCode());
        assertEquals(200, http.call(name, "first-password-1", "GET", "/admin/sources", null).statusCode());
        assertEquals(200, http.call(name, "first-password-1", "PUT", "/admin/accounts/" + name,
                "{\"password\":\"second-password-2\"}").statusCode());
        assertEquals(401, http.call(name, "first-password-1", "GET", "/admin/sources", null).statusCode(), "the old password");
        assertEquals(200, http.call(name, "second-password-2", "GET", "/admin/sources", null).statusCode(), "the new one");
        assertEquals(400, http.admin("PUT", "/admin/accounts/" + name, "{\"password\":\"short\"}").statusCode());
        assertEquals(409, http.admin("POST", "/admin/accounts", "{\"name\":\"" + name + "\",\"password\":\"first-password-1\"}").statusCode());
        assertEquals(204, http.admin("DELETE", "/admin/accounts/" + name, null).statusCode());
        assertEquals(401, http.call(name, "second-password-2", "GET", "/admin/sources", null).statusCode(), "removed");
        if (Responses.jsonArray(http.admin("GET", "/admin/accounts", null).body()).stream()
                .filter(a -> a.asJsonObject().getString("role").equals("admin")).count() == 1) {
            assertEquals(400, http.admin("DELETE", "/admin/accounts/admin", null).statusCode(), "the last administrator");
        }
    }

    /**
     * The generated first password lies in a file until the administrator chooses one: then the file goes (the
     * test puts both back afterwards, for the tests after it).
     */
    @Test
    void theFirstPasswordFileGoesOnceTheAdministratorChoosesAPassword() throws IOException {
        Path file = Path.of(Settings.required("imagestore.store.admin-password-file"));
        String first = Settings.adminPassword();
        String chosen = "chosen-" + Unique.hex(8);
        try {
            assertEquals(200, http.call("admin", first, "PUT", "/admin/accounts/admin",
                    "{\"password\":\"" + chosen + "\"}").statusCode());
            assertFalse(Files.exists(file), "the first password's file is removed once another is chosen");
            assertEquals(401, http.call("admin", first, "GET", "/admin/sources", null).statusCode(), "the first password");
            assertEquals(200, http.call("admin", chosen, "GET", "/admin/sources", null).statusCode(), "the chosen one");
        } finally {
            assertEquals(200, http.call("admin", chosen, "PUT", "/admin/accounts/admin",
                    "{\"password\":\"" + first + "\"}").statusCode());
            Files.writeString(file, first);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * With {@code metadataAccess: viewer}, upload queries and {@code /meta} need a viewer (or admin) account; image
     * URLs stay public; viewers cannot use the admin API.
     */
    @Test
    void metadataCanBeKeptFromThePublicForViewers() {
        String viewer = "indexer-" + Unique.hex(4);
        assertEquals(201, http.admin("POST", "/admin/accounts",
                "{\"name\":\"" + viewer + "\",\"password\":\"viewer-password\",\"role\":\"viewer\"}").statusCode());
        assertEquals(403, http.call(viewer, "viewer-password", "GET", "/admin/sources", null).statusCode(), "no admin API for viewers");
        Source camera = http.newSource("private-meta");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        String id = Ftp.upload(camera, "/p.jpg", photo);
        String query = "/images?source=" + camera.name();
        try {
            assertEquals(200, http.admin("PUT", "/admin/cluster", "{\"metadataAccess\":\"viewer\"}").statusCode());
            for (String path : List.of(query, "/images/" + id + "/meta")) {
                HttpResponse<String> anonymous = http.call(null, null, "GET", path, null);
                assertEquals(401, anonymous.statusCode(), path);
                assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
                assertEquals(200, http.call(viewer, "viewer-password", "GET", path, null).statusCode(), path + " as a viewer");
                assertEquals(200, http.admin("GET", path, null).statusCode(), path + " as admin");
            }
            assertEquals(200, http.get("/images/" + id).statusCode(), "the image itself stays public");
        } finally {
            assertEquals(200, http.admin("PUT", "/admin/cluster", "{\"metadataAccess\":\"public\"}").statusCode());
        }
        assertEquals(200, http.call(null, null, "GET", query, null).statusCode(), "public again");
        assertEquals(400, http.admin("PUT", "/admin/cluster", "{\"metadataAccess\":\"secret\"}").statusCode());
    }
}
