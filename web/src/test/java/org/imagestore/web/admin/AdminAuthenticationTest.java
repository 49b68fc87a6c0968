package org.imagestore.web.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminAuthenticationTest {

    @ParameterizedTest
    @CsvSource({
            "GET, /admin", "GET, /admin/", "GET, /admin/sources", "POST, /admin/sources", "OPTIONS, /admin/cluster",
            "HEAD, /admin/sources/cam-1", "DELETE, /images", "DELETE, /images/abc", "DELETE, /admin/sources/x"})
    void theAdminApiAndPurgesNeedAnAdministrator(String method, String path) {
        assertTrue(AdminAuthentication.needsAdministrator(method, path), method + " " + path);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /images/abc", "HEAD, /images/abc", "GET, /images", "GET, /images/abc/meta", "GET, /health",
            "GET, /metrics", "GET, /console/index.html", "GET, /administrator", "DELETE, /imagesx/abc",
            "DELETE, /health", "GET, /", "GET, ''", "POST, /internal/blobs/x"})
    void everythingElseIsNotTheAdministratorsAlone(String method, String path) {
        assertFalse(AdminAuthentication.needsAdministrator(method, path), method + " " + path);
    }

    @Test
    void readsABasicCredential() {
        assertArrayEquals(new String[] {"admin", "pass:with:colons"},
                AdminAuthentication.basic(basic("admin:pass:with:colons")).orElseThrow());
        assertArrayEquals(new String[] {"ünïcode", "pässword"},
                AdminAuthentication.basic(basic("ünïcode:pässword")).orElseThrow());
        assertArrayEquals(new String[] {"a", ""}, AdminAuthentication.basic("basic " + encode("a:")).orElseThrow());
    }

    @Test
    void anythingElseIsNoCredential() {
        assertEquals(Optional.empty(), AdminAuthentication.basic(null));
        assertEquals(Optional.empty(), AdminAuthentication.basic("Bearer abc"));
        assertEquals(Optional.empty(), AdminAuthentication.basic("Basic not*base64"));
        assertEquals(Optional.empty(), AdminAuthentication.basic(basic("no-colon")));
        assertEquals(Optional.empty(), AdminAuthentication.basic("Basic"));
    }

    private static String basic(String pair) {
        return "Basic " + encode(pair);
    }

    private static String encode(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
