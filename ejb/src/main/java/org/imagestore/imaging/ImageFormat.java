package org.imagestore.imaging;

import java.util.Locale;
import java.util.Optional;

/** The image formats the store accepts, with their media type and whether every node can write them. */
public enum ImageFormat {
    JPEG("image/jpeg", true),
    PNG("image/png", true),
    GIF("image/gif", true),
    BMP("image/bmp", true),
    TIFF("image/tiff", true),
    WEBP("image/webp", false),
    JPEG2000("image/jp2", false);

    private final String mediaType;
    private final boolean writable;

    ImageFormat(String mediaType, boolean writable) {
        this.mediaType = mediaType;
        this.writable = writable;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * Whether every node can encode renditions in this format, with the JDK's Image I/O alone: the formats a URL
     * without {@code format} may turn into. WebP is written as well where libwebp is installed
     * ({@code rendering.WebpEncoder}), but only when a URL asks for it; it stays false here, fixed, so that what a
     * URL means never depends on a node's libraries.
     */
    public boolean writable() {
        return writable;
    }

    /** The lowercase name used in URLs, JSON and JMS properties: {@code jpeg}, {@code png}, ... */
    public String parameterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of a media type ({@code image/png}, parameters after {@code ;} ignored). */
    public static Optional<ImageFormat> fromMediaType(String mediaType) {
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            if (format.mediaType.equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Parses a URL/JSON name; accepts {@code jpg} for JPEG and {@code jp2} for JPEG 2000. */
    public static Optional<ImageFormat> fromParameter(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "gif" -> Optional.of(GIF);
            case "bmp" -> Optional.of(BMP);
            case "tiff", "tif" -> Optional.of(TIFF);
            case "webp" -> Optional.of(WEBP);
            case "jpeg2000", "jp2" -> Optional.of(JPEG2000);
            default -> Optional.empty();
        };
    }
}
