package org.imagestore.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The domain speaks of images, uploads and sources; FTP's vocabulary (the connector's API) stays at the edge:
 * only the message-driven bean the connector calls may use it. Checked on the sources of the ejb and web modules.
 */
class FtpStaysAtTheEdgeTest {

    private static final String FTP_API = "org.imagestore.ftp.api";
    private static final Path EDGE = Path.of("org/imagestore/ingest/FtpRequestConsumer.java");
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../web/src/main/java"));

    @Test
    void onlyTheFtpEdgeUsesTheConnectorsApi() {
        List<String> offenders = javaFiles().filter(this::mentionsFtpApi)
                .filter(file -> !file.endsWith(EDGE)).map(Path::toString).toList();
        assertEquals(List.of(), offenders, "classes outside the FTP edge that use " + FTP_API);
    }

    @Test
    void theScanSeesTheEdge() {
        assertTrue(javaFiles().anyMatch(file -> file.endsWith(EDGE) && mentionsFtpApi(file)),
                "the scan must find the edge class using the API, or it proves nothing");
    }

    private Stream<Path> javaFiles() {
        return SOURCES.stream().filter(Files::isDirectory).flatMap(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private boolean mentionsFtpApi(Path file) {
        try {
            return Files.readString(file).contains(FTP_API);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
