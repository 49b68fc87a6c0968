package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.crypto.KeyGenerator;

import org.jgroups.JChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a host that reaches the nodes' cluster port can do: nothing without the cluster's key. A stranger runs a
 * JGroups member with the nodes' stack (it even finds them the way they find each other, in the catalogue) and asks
 * to join: without the key, or with a key of its own, its messages are dropped and it stays alone; the same
 * stranger with the store's key file is let in, which shows that the key, not the stranger's stack, keeps it out.
 */
class ClusterPortIT {

    private static final int PORT = Integer.getInteger("imagestore.cluster.port", 7800);
    private static final String STRANGER = "127.0.0.59";

    @Test
    void aMemberWithoutTheKeyIsNotLetIn() throws Exception {
        assertEquals(1, viewSizeOfStrangerWith(""), "a member that encrypts nothing joined the cluster");
    }

    @Test
    void aMemberWithAKeyOfItsOwnIsNotLetIn(@TempDir Path folder) throws Exception {
        Path keyStore = folder.resolve("own.p12");
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry("imagestore-cluster", new KeyStore.SecretKeyEntry(aes.generateKey()),
                new KeyStore.PasswordProtection("changeit".toCharArray()));
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            store.store(out, "changeit".toCharArray());
        }
        assertEquals(1, viewSizeOfStrangerWith(encryptionWith(keyStore, "changeit")),
                "a member with another key joined the cluster");
    }

    @Test
    void theSameMemberWithTheStoresKeyIsLetIn() throws Exception {
        String password = Settings.storeSecret("cluster-keystore-password");
        assertEquals(1 + NodeAddress.ALL.size(),
                viewSizeOfStrangerWith(encryptionWith(Settings.HOME.resolve("secrets/cluster.p12"), password)));
    }

    private static String encryptionWith(Path keyStore, String password) {
        return """
                <SYM_ENCRYPT keystore_name="%s" keystore_type="PKCS12" store_password="%s" alias="imagestore-cluster"/>"""
                .formatted(keyStore, password);
    }

    /** Joins as a stranger with {@code encryption} (a protocol element, or nothing) and returns its view's size. */
    private static int viewSizeOfStrangerWith(String encryption) throws Exception {
        String stack = """
                <config xmlns="urn:org:jgroups">
                    <TCP bind_addr="%s" bind_port="%d" port_range="0"/>
                    <JDBC_PING2 connection_url="%s" connection_username="imagestore" connection_password="%s"
                                connection_driver="org.postgresql.Driver" remove_all_data_on_view_change="false"
                                initialize_sql="%s"/>
                    <MERGE3/>
                    <FD_ALL3/>
                    <VERIFY_SUSPECT2/>
                    %s
                    <pbcast.NAKACK2/>
                    <UNICAST3/>
                    <pbcast.STABLE/>
                    <pbcast.GMS join_timeout="2000" max_join_attempts="3"/>
                    <UFC/>
                    <MFC/>
                    <FRAG4/>
                </config>""".formatted(STRANGER, PORT, Catalogue.URL.replace("&", "&amp;"), Settings.secret("imagestore.db.password-file"),
                        "select 1", encryption);
        try (JChannel stranger = new JChannel(new ByteArrayInputStream(stack.getBytes(StandardCharsets.UTF_8)))) {
            stranger.name("stranger");
            stranger.connect("imagestore");
            return stranger.getView().size();
        }
    }
}
