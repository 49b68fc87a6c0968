package org.imagestore.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.rendering.RenderLimits;
import org.imagestore.rendering.RenderSpec;
import org.junit.jupiter.api.Test;

class HotRenditionsTest {

    private static final int KB = 1024;

    @Test
    void keepsWhatItAdmitsAndSendsTheSameBytes() {
        HotRenditions hot = new HotRenditions(64 * KB);
        Rendered thumbnail = rendered(image("a"), 320, 4 * KB);

        hot.admit(key(thumbnail), thumbnail, hot.purgesSoFar());

        assertTrue(hot.get(key(thumbnail)).isPresent());
        assertEquals(thumbnail, hot.get(key(thumbnail)).get());
        assertTrue(hot.get(key(rendered(image("a"), 640, 4 * KB))).isEmpty(), "another size is another entry");
    }

    @Test
    void staysWithinItsBytesAndKeepsWhatWasReadOverWhatWasNot() {
        HotRenditions hot = new HotRenditions(16 * KB);
        Rendered read = rendered(image("a"), 320, 4 * KB);
        Rendered unread = rendered(image("b"), 320, 4 * KB);
        hot.admit(key(read), read, hot.purgesSoFar());
        hot.admit(key(unread), unread, hot.purgesSoFar());
        hot.get(key(read));

        for (char c : "cdefgh".toCharArray()) {
            Rendered more = rendered(image(String.valueOf(c)), 320, 4 * KB);
            hot.admit(key(more), more, hot.purgesSoFar());
            assertTrue(hot.heldBytes() <= 16 * KB, () -> hot.heldBytes() + " bytes held");
        }

        assertTrue(hot.get(key(unread)).isEmpty(), "the entry nobody read went first");
    }

    @Test
    void leavesLargeRenditionsToTheSharedCache() {
        HotRenditions hot = new HotRenditions(64 * KB);
        Rendered large = rendered(image("a"), 4000, 8 * KB);

        hot.admit(key(large), large, hot.purgesSoFar());

        assertTrue(hot.get(key(large)).isEmpty());
        assertEquals(0, hot.heldBytes());
    }

    @Test
    void aPurgeDropsEveryRenditionOfItsImageAndNoOther() {
        HotRenditions hot = new HotRenditions(64 * KB);
        Rendered small = rendered(image("a"), 320, KB);
        Rendered large = rendered(image("a"), 640, KB);
        Rendered other = rendered(image("b"), 320, KB);
        for (Rendered r : List.of(small, large, other)) {
            hot.admit(key(r), r, hot.purgesSoFar());
        }

        hot.forgetImage(image("a"));

        assertTrue(hot.get(key(small)).isEmpty());
        assertTrue(hot.get(key(large)).isEmpty());
        assertTrue(hot.get(key(other)).isPresent());
        assertEquals(KB, hot.heldBytes());
    }

    @Test
    void anAdmissionThatRacedWithAPurgeIsNotKept() {
        HotRenditions hot = new HotRenditions(64 * KB);
        Rendered readBeforeThePurge = rendered(image("a"), 320, KB);
        long purgesBefore = hot.purgesSoFar();

        hot.forgetImage(image("a")); // between the reader's read of the shared cache and its admission
        hot.admit(key(readBeforeThePurge), readBeforeThePurge, purgesBefore);

        assertTrue(hot.get(key(readBeforeThePurge)).isEmpty());
        assertEquals(0, hot.heldBytes());
    }

    private static ImageId image(String seed) {
        return ImageId.ofSha256(sha256(seed));
    }

    private static Rendered rendered(ImageId image, int width, int bytes) {
        RenderSpec spec = RenderSpec.parse(Map.of("w", List.of(Integer.toString(width))), RenderLimits.DEFAULT);
        return new Rendered(new RenditionKey(image, spec), new byte[bytes], ImageFormat.JPEG);
    }

    private static String key(Rendered rendered) {
        return rendered.key().cacheKey();
    }

    private static byte[] sha256(String seed) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
