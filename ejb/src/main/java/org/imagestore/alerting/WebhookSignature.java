package org.imagestore.alerting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook call carries in {@value #HEADER}: {@code sha256=} and the hex HMAC-SHA256 of the exact
 * body bytes under the rule's secret (the scheme GitHub's webhooks use, so receivers have code for it).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Imagestore-Signature";

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }
}
