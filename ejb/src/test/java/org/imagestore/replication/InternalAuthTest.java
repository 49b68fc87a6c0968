package org.imagestore.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class InternalAuthTest {

    private static final String SECRET = "0123456789abcdef";
    private static final long NOW = 1_790_000_000L;

    @Test
    void aSignedRequestNamesItsNode() {
        String header = InternalAuth.sign(SECRET, "node-2", "PUT", "/internal/blobs/abc", NOW);
        assertEquals(Optional.of("node-2"), InternalAuth.verify(SECRET, header, "PUT", "/internal/blobs/abc", NOW + 5));
    }

    @Test
    void anotherRequestLineOrSecretOrNodeFails() {
        String header = InternalAuth.sign(SECRET, "node-2", "PUT", "/internal/blobs/abc", NOW);
        assertEquals(Optional.empty(), InternalAuth.verify(SECRET, header, "DELETE", "/internal/blobs/abc", NOW));
        assertEquals(Optional.empty(), InternalAuth.verify(SECRET, header, "PUT", "/internal/blobs/abd", NOW));
        assertEquals(Optional.empty(), InternalAuth.verify("another-secret-000", header, "PUT", "/internal/blobs/abc", NOW));
        assertEquals(Optional.empty(), InternalAuth.verify(SECRET, header.replace("node-2", "node-3"), "PUT",
                "/internal/blobs/abc", NOW));
    }

    @Test
    void anOldOrMalformedHeaderFails() {
        String header = InternalAuth.sign(SECRET, "node-2", "GET", "/internal/blobs/abc", NOW);
        assertEquals(Optional.empty(), InternalAuth.verify(SECRET, header, "GET", "/internal/blobs/abc",
                NOW + InternalAuth.MAX_SKEW_SECONDS + 1));
        assertEquals(Optional.empty(), InternalAuth.verify(SECRET, null, "GET", "/x", NOW));
        assertEquals(Optional.empty(), InternalAuth.verify(SECRET, "node-2 soon sig", "GET", "/x", NOW));
        assertEquals(Optional.empty(), InternalAuth.verify(SECRET, "garbage", "GET", "/x", NOW));
    }

    @Test
    void theRequestLineIsTheSameWhetherTheServerReEncodesTheQueryOrNot() {
        assertEquals(InternalAuth.requestLine(java.net.URI.create("http://a:1/internal/renditions/x?crop=1,2,3,4&w=5")),
                InternalAuth.requestLine(java.net.URI.create("http://b:2/internal/renditions/x?crop=1%2C2%2C3%2C4&w=5")));
        assertEquals("/internal/blobs/x", InternalAuth.requestLine(java.net.URI.create("http://a:1/internal/blobs/x")));
    }
}
