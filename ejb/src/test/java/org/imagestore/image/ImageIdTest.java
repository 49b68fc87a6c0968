package org.imagestore.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageIdTest {

    /** SHA-256 of no bytes in base32 (RFC 4648, lowercase, unpadded), computed with Python's base64.b32encode. */
    private static final String EMPTY = "4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbkq";

    private static byte[] sha256(String text) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void idOfTheEmptyInputIsItsBase32Digest() throws NoSuchAlgorithmException {
        assertEquals(EMPTY, ImageId.ofSha256(sha256("")).value());
    }

    @Test
    void idOfAbcIsItsBase32Digest() throws NoSuchAlgorithmException {
        assertEquals("xj4bnp4pahh6uqkbidpf3lrceoyagyndsylxvhfucd7wd4qacwwq", ImageId.ofSha256(sha256("abc")).value());
    }

    @Test
    void extremeDigestsUseTheFirstAndLastLetterOfTheAlphabet() {
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xff);
        assertEquals("a".repeat(52), ImageId.ofSha256(new byte[32]).value());
        assertEquals("7".repeat(51) + "q", ImageId.ofSha256(ones).value(), "the last 1 bit is padded with zeros");
    }

    @Test
    void sameBytesGiveTheSameId() {
        byte[] digest = HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertEquals(ImageId.ofSha256(digest), ImageId.ofSha256(digest.clone()));
    }

    @Test
    void refusesADigestThatIsNotSha256() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageId.ofSha256(new byte[20]));
        assertEquals("a SHA-256 digest has 32 bytes, not 20", e.getMessage());
    }

    @Test
    void groupIsTheFirstTwoCharacters() {
        assertEquals("4o", new ImageId(EMPTY).group());
    }

    @Test
    void urlPathIsUnderImages() {
        assertEquals("/images/" + EMPTY, new ImageId(EMPTY).urlPath());
        assertEquals(EMPTY, new ImageId(EMPTY).toString());
    }

    @Test
    void parsesAWellFormedId() {
        assertEquals(Optional.of(new ImageId(EMPTY)), ImageId.parse(EMPTY));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "4OYMIQUY7QOBJGX36TEJS35ZEQT24QPEMSNZGTFESWMRW6CSXBKQ",  // uppercase
        "4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbkQ",  // one uppercase letter
        "4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbk",   // 51 characters
        "4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbkqa", // 53 characters
        "4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbk1",  // 1 is not in the alphabet
        "8oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbkq",  // nor is 8
        "4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csx/kq",  // a slash
        "4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbkq=", // padding
    })
    void refusesAnythingElse(String text) {
        assertEquals(Optional.empty(), ImageId.parse(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImageId(text));
        assertEquals("not an image id: " + text, e.getMessage());
    }
}
