package org.imagestore.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.image.ImageId;

/**
 * Signed render URLs. With {@code imagestore.render.signing-key} set, a render URL must carry
 * {@code sig} = base64url (no padding) of HMAC-SHA256(key, {@code /images/{id}?} + its other parameters sorted
 * by name, as {@code name=value} joined with {@code &}). Originals need no signature.
 */
@ApplicationScoped
public class RenderSignatures {

    public static final String PARAMETER = "sig";

    private final byte[] key;

    protected RenderSignatures() {
        this.key = new byte[0];
    }

    @Inject
    public RenderSignatures(@ConfigProperty(name = "imagestore.render.signing-key") Optional<String> key) {
        this.key = key.orElse("").getBytes(StandardCharsets.UTF_8);
    }

    public boolean required() {
        return key.length > 0;
    }

    /** Whether the query's {@code sig} is right for this image and these parameters (always true without a key). */
    public boolean valid(ImageId id, Map<String, List<String>> query) {
        if (!required()) {
            return true;
        }
        List<String> given = query.getOrDefault(PARAMETER, List.of());
        if (given.size() != 1) {
            return false;
        }
        byte[] expected = sign(id, query).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getFirst().getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature of a render URL (the {@code sig} parameter itself is ignored). */
    public String sign(ImageId id, Map<String, List<String>> query) {
        return sign(key, id, query);
    }

    static String sign(byte[] key, ImageId id, Map<String, List<String>> query) {
        StringBuilder canonical = new StringBuilder(id.urlPath()).append('?');
        boolean first = true;
        for (Map.Entry<String, List<String>> p : new TreeMap<>(query).entrySet()) {
            if (p.getKey().equals(PARAMETER)) {
                continue;
            }
            for (String value : p.getValue()) {
                canonical.append(first ? "" : "&").append(p.getKey()).append('=').append(value);
                first = false;
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
