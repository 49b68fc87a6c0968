package org.imagestore.imaging;

import java.nio.charset.StandardCharsets;

/**
 * Names what a file that is not an accepted image looks like, from its first bytes, so that the refusal an
 * operator reads says more than "not an image" ("content looks like PDF", "... like a HEIF/AVIF image").
 */
final class ContentDescription {

    private ContentDescription() {
    }

    /** A short description of the content, e.g. {@code "PDF"}, {@code "text"}, {@code "unrecognised binary data"}. */
    static String of(byte[] head, int length) {
        String ascii = new String(head, 0, Math.min(length, 64), StandardCharsets.ISO_8859_1);
        String lower = ascii.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (ascii.startsWith("%PDF")) {
            return "PDF";
        }
        if (ascii.startsWith("PK\u0003\u0004") || ascii.startsWith("PK\u0005\u0006")) {
            return "a ZIP archive";
        }
        if (startsWith(head, length, 0x1F, 0x8B)) {
            return "gzip-compressed data";
        }
        if (ascii.startsWith("7z\u00BC\u00AF") || ascii.startsWith("Rar!")) {
            return "an archive";
        }
        if (ascii.startsWith("\u007FELF") || ascii.startsWith("MZ")) {
            return "an executable";
        }
        if (length >= 12 && ascii.startsWith("ftyp", 4)) {
            String brand = ascii.substring(8, 12);
            return brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("avi")
                    ? "a HEIF/AVIF image, which is not accepted" : "a video or ISO media file";
        }
        if (ascii.startsWith("II+\0") || ascii.startsWith("MM\0+")) {
            return "a BigTIFF image, which is not accepted";
        }
        if (ascii.startsWith("RIFF")) {
            return "a RIFF file that is not WebP";
        }
        if (lower.startsWith("<svg") || (lower.startsWith("<?xml") && lower.contains("svg"))) {
            return "an SVG drawing, which is not accepted";
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return "HTML";
        }
        if (lower.startsWith("<?xml")) {
            return "XML";
        }
        if (looksLikeText(head, length)) {
            return "text";
        }
        return "unrecognised binary data";
    }

    private static boolean startsWith(byte[] head, int length, int... bytes) {
        if (length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** No control characters other than whitespace: ASCII or UTF-8 text. */
    private static boolean looksLikeText(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                return false;
            }
            if (b == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
