package org.imagestore.ftp.inbound;

import java.nio.file.Path;

/** The FTP server's resolved, validated settings. */
record FtpSettings(int port, String bindAddress, String passivePorts, String passiveAddress, boolean activeEnabled,
                   int idleTimeoutSeconds, int maxLogins, int maxThreads, long maxUploadBytes, Path stagingDirectory,
                   String tlsKeyStore, String tlsKeyStorePassword, int shutdownGraceSeconds,
                   boolean ignoreAttributeChanges, int maxSessionsPerAddress, boolean tlsRequired,
                   boolean tlsDataRequired) {

    FtpSettings {
        require(port > 0 && port < 65536, "port must be 1..65535, not " + port);
        require(passivePorts.matches("[0-9, -]+"), "passivePorts must look like 30000-30099, not '" + passivePorts + "'");
        require(idleTimeoutSeconds >= 30, "idleTimeoutSeconds must be at least 30 (a store can take seconds)");
        require(maxLogins > 0 && maxThreads > 0, "maxLogins and maxThreads must be positive");
        require(maxSessionsPerAddress > 0, "maxSessionsPerAddress must be positive");
        require(maxUploadBytes > 0, "maxUploadBytes must be positive");
        require(shutdownGraceSeconds >= 0, "shutdownGraceSeconds must not be negative");
        require(!(tlsRequired || tlsDataRequired) || !tlsKeyStore.isEmpty(),
                "TLS cannot be required without a key store (imagestore.ftp.tls.keystore)");
    }

    boolean tlsEnabled() {
        return !tlsKeyStore.isEmpty();
    }

    String endpoint() {
        return bindAddress + ":" + port;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
