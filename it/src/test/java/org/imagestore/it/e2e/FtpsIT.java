package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.commons.net.PrintCommandListener;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.Test;

/**
 * Explicit FTPS ({@code AUTH TLS}) with the key store the launcher configures for the nodes
 * ({@code ${imagestore.home}/secrets/ftps.p12}). The client trusts exactly that certificate.
 */
class FtpsIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    @Test
    void uploadOverExplicitTlsWithAPrivateDataChannel() throws Exception {
        Source camera = http.newSource("ftps");
        byte[] photo = Photos.uniquePhoto("sony-nex3n-gps.jpg");
        X509TrustManager trust = trustOnlyTheStoresCertificate();
        try (Indexer indexer = Indexer.forSources(camera); Ftps ftps = new Ftps(trust)) {
            ftps.connect(NodeAddress.NODE_1.host(), NodeAddress.NODE_1.ftpPort()); // AUTH TLS, then the handshake
            assertTrue(ftps.login(camera.name(), camera.password()), ftps.getReplyString());
            ftps.execPBSZ(0);
            ftps.execPROT("P");
            assertEquals(200, ftps.getReplyCode(), ftps.getReplyString());
            ftps.setFileType(FTP.BINARY_FILE_TYPE);
            ftps.enterLocalPassiveMode();
            assertTrue(ftps.storeFile("/secure.jpg", new ByteArrayInputStream(photo)), ftps.getReplyString());
            assertEquals(226, ftps.getReplyCode());
            Matcher m = Pattern.compile("stored as image ([a-z2-7]{52})").matcher(ftps.getReplyString());
            assertTrue(m.find(), ftps.getReplyString());
            String id = m.group(1);
            assertEquals(ImageId.of(photo), id);
            assertEquals(Arrays.asList("secure.jpg"), Arrays.asList(ftps.listNames("/")), "LIST over the private data channel");
            assertEquals("secure.jpg", indexer.expect().body().getString("fileName"));
            assertArrayEquals(photo, http.get("/images/" + id).body());
        }
    }

    /** An explicit-FTPS client that trusts what it is given, and closes like {@link Ftp}. */
    private static final class Ftps extends FTPSClient implements AutoCloseable {
        Ftps(X509TrustManager trust) {
            super("TLS", false);
            addProtocolCommandListener(new PrintCommandListener(new PrintWriter(System.out, true), true));
            setTrustManager(trust);
            setControlEncoding("UTF-8");
            setConnectTimeout(10_000);
            setDefaultTimeout(60_000);
        }

        @Override
        public void close() {
            Ftp.quit(this);
        }
    }

    private static X509TrustManager trustOnlyTheStoresCertificate() throws Exception {
        Path secrets = Path.of(System.getProperty("imagestore.home", "/nonexistent"), "secrets");
        Path keyStore = secrets.resolve("ftps.p12");
        assumeTrue(Files.isRegularFile(keyStore), "the store under test has no FTPS key store at " + keyStore);
        char[] password = Files.readString(secrets.resolve("ftps-keystore-password")).trim().toCharArray();
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            server.load(in, password);
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        for (String alias : Collections.list(server.aliases())) {
            Certificate certificate = server.getCertificate(alias);
            if (certificate != null) {
                trusted.setCertificateEntry(alias, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return (X509TrustManager) Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance).findFirst().orElseThrow();
    }
}
