package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

/**
 * Password guessing from one address (another loopback address stands for another host) is locked out after
 * 10 failures, for FTP and the admin API alike, while cameras elsewhere go on uploading and the right password
 * still works from every other address.
 */
class LoginThrottleIT {

    private static final Http http = new Http(NodeAddress.NODE_1);
    private static final int MAX_FAILURES = 10;

    @Test
    void aBurstOfWrongFtpPasswordsFromOneAddressIsLockedOutWhileAnotherCameraUploads() {
        Source victim = http.newSource("guessed");
        Source bystander = http.newSource("bystander");
        long lockedBefore = locked("ftp");
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertFalse(ftpLogin("127.0.0.57", victim.name(), "wrong-" + i), "a wrong password");
        }
        assertFalse(ftpLogin("127.0.0.57", victim.name(), victim.password()), "the right one too, from the locked address");
        assertFalse(ftpLogin("127.0.0.57", bystander.name(), bystander.password()), "and any account from there");
        assertTrue(locked("ftp") >= lockedBefore + 2, "counted in imagestore_logins_total{outcome=\"locked\"}");

        Ftp.upload(bystander, "/still-here.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        assertTrue(ftpLogin("127.0.0.58", victim.name(), victim.password()), "the victim from another address");
    }

    @Test
    void aBurstOfWrongAdminPasswordsFromOneAddressIsLockedOut() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(401, adminStatus("127.0.0.59", "wrong-password-" + i));
        }
        assertEquals(401, adminStatus("127.0.0.59", Settings.adminPassword()), "locked out, even with the right password");
        assertEquals(200, adminStatus("127.0.0.60", Settings.adminPassword()), "another address gets in");
        assertTrue(locked("admin") >= 1);
    }

    private static long locked(String realm) {
        return http.metrics().getOrDefault("imagestore_logins_total{outcome=\"locked\",realm=\"" + realm + "\"}", 0.0).longValue();
    }

    /** One login, from the given local address, in a connection of its own. */
    private static boolean ftpLogin(String from, String user, String password) {
        FTPClient ftp = new FTPClient();
        ftp.setDefaultTimeout(30_000);
        try {
            NodeAddress node = NodeAddress.NODE_1;
            ftp.connect(InetAddress.getByName(node.host()), node.ftpPort(), InetAddress.getByName(from), 0);
            return ftp.login(user, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                ftp.disconnect();
            } catch (IOException ignored) {
                // gone already
            }
        }
    }

    /** {@code GET /admin/sources} as admin from the given local address: the status code. */
    private static int adminStatus(String from, String password) {
        NodeAddress node = NodeAddress.NODE_1;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(node.host(), node.httpPort()), 10_000);
            socket.setSoTimeout(30_000);
            String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /admin/sources HTTP/1.1\r\nHost: " + node.host() + "\r\n"
                    + "Authorization: Basic " + basic + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
