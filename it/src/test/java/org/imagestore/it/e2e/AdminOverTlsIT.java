package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

/**
 * HTTPS with the launcher's certificate on every node, and the setting that keeps the admin API and purges off
 * plain HTTP ({@code PUT /admin/cluster {"adminHttpsOnly": true}}): over HTTP such a request then gets 403 without
 * being asked for a password, even when it brings one; over HTTPS it works; public reads are not affected.
 */
class AdminOverTlsIT {

    private static final int HTTPS = Integer.getInteger("imagestore.https.port", 8443);
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyNodeServesHttpsWithTheLaunchersCertificate() throws Exception {
        HttpClient tls = trustingOnlyTheLaunchersCertificate();
        for (NodeAddress node : NodeAddress.ALL) {
            HttpResponse<String> health = tls.send(get(https(node) + "/health", false), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), () -> node + ": " + health.body());
        }
    }

    @Test
    void withHttpsOnlyTheAdminApiRefusesPlainHttpWithoutAskingForAPassword() throws Exception {
        HttpClient tls = trustingOnlyTheLaunchersCertificate();
        assertEquals(200, change(PLAIN, http(NodeAddress.NODE_1), true).statusCode());
        try {
            for (NodeAddress node : NodeAddress.ALL) {
                for (boolean withPassword : new boolean[] {true, false}) {
                    HttpResponse<String> plain = PLAIN.send(get(http(node) + "/admin/sources", withPassword),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(403, plain.statusCode(), () -> node + ": " + plain.body());
                    assertTrue(plain.body().contains("HTTPS"), plain.body());
                    assertFalse(plain.headers().firstValue("WWW-Authenticate").isPresent(), "no password asked for over HTTP");
                }
                HttpResponse<String> purge = PLAIN.send(HttpRequest.newBuilder(URI.create(http(node) + "/images/" + "a".repeat(52)))
                        .DELETE().header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, purge.statusCode(), purge::body);
                assertEquals(200, PLAIN.send(get(http(node) + "/health", false), HttpResponse.BodyHandlers.ofString())
                        .statusCode(), "public reads stay on plain HTTP");

                HttpResponse<String> secure = tls.send(get(https(node) + "/admin/sources", true), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, secure.statusCode(), secure::body);
                HttpResponse<String> asked = tls.send(get(https(node) + "/admin/sources", false), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, asked.statusCode(), "over HTTPS a password is asked for");
                assertTrue(asked.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), asked.headers()::toString);
            }
        } finally {
            assertEquals(200, change(tls, https(NodeAddress.NODE_1), false).statusCode(), "turned off over HTTPS");
        }
        HttpResponse<String> again = PLAIN.send(get(http(NodeAddress.NODE_1) + "/admin/sources", true), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode(), "plain HTTP once the setting is off");
    }

    private static HttpResponse<String> change(HttpClient client, String base, boolean httpsOnly) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/admin/cluster")).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"adminHttpsOnly\":" + httpsOnly + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String http(NodeAddress node) {
        return "http://" + node.host() + ":" + node.httpPort();
    }

    private static String https(NodeAddress node) {
        return "https://" + node.host() + ":" + HTTPS;
    }

    private static HttpRequest get(String url, boolean withPassword) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        return (withPassword ? request.header("Authorization", basic()) : request).build();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + Settings.adminPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** A client whose only trusted certificate is the one in the launcher's key store. */
    private static HttpClient trustingOnlyTheLaunchersCertificate() throws Exception {
        KeyStore launcher = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Settings.HOME.resolve("secrets/ftps.p12"))) {
            launcher.load(in, Settings.storeSecret("ftps-keystore-password").toCharArray());
        }
        Certificate certificate = launcher.getCertificate("imagestore-ftps");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("launcher", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
