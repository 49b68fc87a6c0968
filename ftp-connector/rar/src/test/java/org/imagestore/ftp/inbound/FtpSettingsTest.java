package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FtpSettingsTest {

    private static FtpSettings settings(int port, String passivePorts, int idleTimeoutSeconds, int maxLogins,
                                        int maxThreads, long maxUploadBytes, int shutdownGraceSeconds, String tlsKeyStore) {
        return new FtpSettings(port, "127.0.0.1", passivePorts, "", true, idleTimeoutSeconds, maxLogins, maxThreads,
                maxUploadBytes, Path.of("/tmp/staging"), tlsKeyStore, "", shutdownGraceSeconds, true, 64, false, false);
    }

    @ParameterizedTest(name = "port {0}, passive {1}, idle {2}, logins {3}, threads {4}, max {5}, grace {6}")
    @CsvSource(delimiter = '|', value = {
        "1     | 30000-30099        | 30  | 1    | 1   | 1         | 0",
        "65535 | 30000              | 300 | 1000 | 128 | 268435456 | 20",
        "2121  | 30000-30009, 30020 | 300 | 1000 | 128 | 268435456 | 20",
        "2121  | 0                  | 300 | 1000 | 128 | 268435456 | 20",
    })
    void acceptsValuesWithinTheRules(int port, String passivePorts, int idle, int logins, int threads, long max, int grace) {
        FtpSettings settings = settings(port, passivePorts, idle, logins, threads, max, grace, "");
        assertEquals(port, settings.port());
        assertEquals(passivePorts, settings.passivePorts());
    }

    @ParameterizedTest(name = "port {0}, passive {1}, idle {2}, logins {3}, threads {4}, max {5}, grace {6}: {7}")
    @CsvSource(delimiter = '|', value = {
        "0     | 30000-30099 | 300 | 10 | 10 | 1000 | 20 | port must be 1..65535, not 0",
        "65536 | 30000-30099 | 300 | 10 | 10 | 1000 | 20 | port must be 1..65535, not 65536",
        "-21   | 30000-30099 | 300 | 10 | 10 | 1000 | 20 | port must be 1..65535, not -21",
        "2121  | 30000:30099 | 300 | 10 | 10 | 1000 | 20 | passivePorts must look like 30000-30099, not '30000:30099'",
        "2121  | ''          | 300 | 10 | 10 | 1000 | 20 | passivePorts must look like 30000-30099, not ''",
        "2121  | 30000-30099 | 29  | 10 | 10 | 1000 | 20 | idleTimeoutSeconds must be at least 30 (a store can take seconds)",
        "2121  | 30000-30099 | 300 | 0  | 10 | 1000 | 20 | maxLogins and maxThreads must be positive",
        "2121  | 30000-30099 | 300 | 10 | 0  | 1000 | 20 | maxLogins and maxThreads must be positive",
        "2121  | 30000-30099 | 300 | 10 | 10 | 0    | 20 | maxUploadBytes must be positive",
        "2121  | 30000-30099 | 300 | 10 | 10 | 1000 | -1 | shutdownGraceSeconds must not be negative",
    })
    void refusesValuesOutsideTheRules(int port, String passivePorts, int idle, int logins, int threads, long max,
                                      int grace, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(port, passivePorts, idle, logins, threads, max, grace, ""));
        assertEquals(message, e.getMessage());
    }

    @Test
    void tlsIsEnabledByAKeyStore() {
        assertFalse(settings(2121, "30000-30099", 300, 10, 10, 1000, 20, "").tlsEnabled());
        assertTrue(settings(2121, "30000-30099", 300, 10, 10, 1000, 20, "/etc/imagestore/ftp.p12").tlsEnabled());
    }

    @Test
    void endpointIsBindAddressAndPort() {
        assertEquals("127.0.0.1:2121", settings(2121, "30000-30099", 300, 10, 10, 1000, 20, "").endpoint());
    }
}
