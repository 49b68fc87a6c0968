package org.imagestore.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?". */
    @Test
    void isTheHexHmacSha256OfTheBody() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void retriesBackOffDoublingUpToTenMinutes() {
        assertEquals(Duration.ofSeconds(1), WebhookSender.pause(1));
        assertEquals(Duration.ofSeconds(2), WebhookSender.pause(2));
        assertEquals(Duration.ofSeconds(512), WebhookSender.pause(10));
        assertEquals(Duration.ofMinutes(10), WebhookSender.pause(11));
        assertEquals(Duration.ofMinutes(10), WebhookSender.pause(1000));
    }
}
