package org.imagestore.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.imagestore.image.ImageId;
import org.junit.jupiter.api.Test;

class RenderSignaturesTest {

    private static final String KEY = "render-key";
    private static final ImageId ID = new ImageId("4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbkq");
    private static final RenderSignatures SIGNED = new RenderSignatures(Optional.of(KEY));

    /** {@code "w=320&fit=cover"} as JAX-RS gives it, in the order written. */
    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            map.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        return map;
    }

    /** HMAC-SHA256 in base64url without padding, computed here independently of the production code. */
    private static String hmac(String key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signsThePathAndTheParametersSortedByName() throws GeneralSecurityException {
        String expected = hmac(KEY, "/images/" + ID + "?fit=cover&h=200&w=320");
        assertEquals(expected, SIGNED.sign(ID, query("w=320&h=200&fit=cover")));
        assertEquals("NVmCR7ZQzEjLWNlpkEPcZoubr9HoKfiT_hBdEa26lQU", expected, "the same with Python's hmac module");
    }

    @Test
    void theOrderOfParametersDoesNotMatter() {
        assertEquals(SIGNED.sign(ID, query("w=320&h=200&fit=cover")), SIGNED.sign(ID, query("fit=cover&w=320&h=200")));
    }

    @Test
    void repeatedValuesAreSignedInTheirOrder() throws GeneralSecurityException {
        assertEquals(hmac(KEY, "/images/" + ID + "?a=2&a=1&w=3"), SIGNED.sign(ID, query("w=3&a=2&a=1")));
    }

    @Test
    void theSignatureItselfIsNotSigned() {
        assertEquals(SIGNED.sign(ID, query("w=320")), SIGNED.sign(ID, query("w=320&sig=anything")));
    }

    @Test
    void theSignatureDependsOnTheKeyTheImageAndEveryParameter() {
        String signature = SIGNED.sign(ID, query("w=320"));
        assertFalse(signature.equals(new RenderSignatures(Optional.of("other-key")).sign(ID, query("w=320"))));
        assertFalse(signature.equals(SIGNED.sign(new ImageId("a".repeat(52)), query("w=320"))));
        assertFalse(signature.equals(SIGNED.sign(ID, query("w=321"))));
    }

    @Test
    void aRequestWithTheRightSignatureIsValid() {
        String signature = SIGNED.sign(ID, query("w=320&h=200"));
        assertTrue(SIGNED.valid(ID, query("h=200&sig=" + signature + "&w=320")));
    }

    @Test
    void aWrongOrMissingSignatureIsInvalid() {
        String signature = SIGNED.sign(ID, query("w=320"));
        assertFalse(SIGNED.valid(ID, query("w=320")), "missing");
        assertFalse(SIGNED.valid(ID, query("w=320&sig=")), "empty");
        assertFalse(SIGNED.valid(ID, query("w=320&sig=" + signature.toUpperCase())), "wrong");
        assertFalse(SIGNED.valid(ID, query("w=640&sig=" + signature)), "for other parameters");
        assertFalse(SIGNED.valid(ID, query("w=320&sig=" + signature + "&sig=" + signature)), "given twice");
    }

    @Test
    void withoutAKeyEveryRequestIsValid() {
        RenderSignatures unsigned = new RenderSignatures(Optional.empty());
        assertFalse(unsigned.required());
        assertTrue(unsigned.valid(ID, query("w=320")));
        assertTrue(unsigned.valid(ID, query("w=320&sig=nonsense")));
        assertTrue(SIGNED.required());
    }

    @Test
    void anEmptyKeyMeansNoSigning() {
        assertFalse(new RenderSignatures(Optional.of("")).required());
    }
}
