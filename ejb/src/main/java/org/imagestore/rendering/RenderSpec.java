package org.imagestore.rendering;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.imagestore.imaging.Codecs;
import org.imagestore.imaging.ImageFormat;

/**
 * A rendition request from an image URL: {@code w, h, fit, crop, format, q} (DESIGN.md, "HTTP (users)").
 * Immutable and canonical: two URLs that mean the same rendition give equal specs and the same {@link #key()}.
 *
 * <p>Semantics decided here:
 * <ul>
 * <li>{@code w} and {@code h} are sizes of the output in pixels; with only one of them the other follows from the
 *     (cropped, oriented) source's aspect ratio. Larger than the source means upscaling (bounded by
 *     {@link RenderLimits#maxOutputSide()}), so that a URL always gives the size it names.</li>
 * <li>{@code fit} matters only when both {@code w} and {@code h} are given; otherwise it is accepted, validated
 *     and normalised away (there is no box to fit into).</li>
 * <li>{@code q} (1..100, default {@value #DEFAULT_QUALITY}) is the quality of the lossy formats, JPEG and WebP.
 *     The other writable formats are lossless, so an explicit lossless {@code format} drops {@code q};
 *     {@code q=85} equals no {@code q}.</li>
 * <li>{@code format=webp} is accepted only on a node with libwebp ({@link WebpEncoder}); elsewhere it is refused,
 *     saying why.</li>
 * <li>Without {@code format} the output keeps the source's format when every node can write it
 *     ({@link ImageFormat#writable()}), otherwise JPEG (PNG when the source has transparency): decided by the
 *     renderer, which knows the source. It is never WebP, so that nodes with and without libwebp give the same
 *     bytes for such a URL.</li>
 * </ul>
 */
public record RenderSpec(OptionalInt width, OptionalInt height, Fit fit, Optional<Crop> crop,
                         Optional<ImageFormat> format, OptionalInt quality) {

    /** JPEG and WebP quality when the URL gives none: libjpeg's customary "high" setting. */
    public static final int DEFAULT_QUALITY = 85;

    /** The original, untouched. */
    public static final RenderSpec ORIGINAL = new RenderSpec(OptionalInt.empty(), OptionalInt.empty(), Fit.CONTAIN,
            Optional.empty(), Optional.empty(), OptionalInt.empty());

    static final List<String> PARAMETERS = List.of("w", "h", "fit", "crop", "format", "q");
    private static final String SIGNATURE = "sig";

    /**
     * Parses URL query parameters. Unknown parameters and {@code sig} are the caller's business: this
     * method ignores {@code sig} and rejects any other unknown name.
     *
     * @throws InvalidRenderParameterException naming the parameter and the reason
     */
    public static RenderSpec parse(Map<String, List<String>> query, RenderLimits limits) {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name) && !SIGNATURE.equals(name)) {
                throw new InvalidRenderParameterException(name, "unknown parameter; known: " + String.join(", ", PARAMETERS));
            }
        }
        OptionalInt width = single(query, "w").map(v -> OptionalInt.of(integer("w", v, 1, limits.maxOutputSide())))
                .orElse(OptionalInt.empty());
        OptionalInt height = single(query, "h").map(v -> OptionalInt.of(integer("h", v, 1, limits.maxOutputSide())))
                .orElse(OptionalInt.empty());
        Fit fit = single(query, "fit").map(RenderSpec::fit).orElse(Fit.CONTAIN);
        Optional<Crop> crop = single(query, "crop").map(RenderSpec::crop);
        Optional<ImageFormat> format = single(query, "format").map(v -> format(v, WebpEncoder.standard()));
        OptionalInt quality = single(query, "q").map(v -> OptionalInt.of(integer("q", v, 1, 100)))
                .orElse(OptionalInt.empty());
        return canonical(width, height, fit, crop, format, quality);
    }

    private static RenderSpec canonical(OptionalInt width, OptionalInt height, Fit fit, Optional<Crop> crop,
                                        Optional<ImageFormat> format, OptionalInt quality) {
        Fit boxFit = width.isPresent() && height.isPresent() ? fit : Fit.CONTAIN;
        OptionalInt q = quality.isPresent() && qualityApplies(format) && quality.getAsInt() != DEFAULT_QUALITY
                ? quality : OptionalInt.empty();
        return new RenderSpec(width, height, boxFit, crop, format, q);
    }

    /** True when no parameter asks for a change: the original bytes are served. */
    public boolean isOriginal() {
        return equals(ORIGINAL);
    }

    /** The JPEG or WebP quality to encode with, 1..100. */
    public int effectiveQuality() {
        return quality.orElse(DEFAULT_QUALITY);
    }

    /**
     * A short canonical string for cache keys and ETags, e.g. {@code w320-h0-contain-c0,0,0,0-jpeg-q85}:
     * 0 for an absent size or crop, {@code auto} for the source-dependent format, and the quality only where it
     * can apply (JPEG, WebP, or a format decided later).
     */
    public String key() {
        String c = crop.map(r -> r.x() + "," + r.y() + "," + r.width() + "," + r.height()).orElse("0,0,0,0");
        String f = format.map(ImageFormat::parameterName).orElse("auto");
        return "w" + width.orElse(0) + "-h" + height.orElse(0) + "-" + fit.name().toLowerCase(Locale.ROOT)
                + "-c" + c + "-" + f  + (qualityApplies(format) ? "-q" + effectiveQuality() : "");
    }

    /** URL query parameters that parse back to this spec (for a render asked of another node). */
    public String query() {
        List<String> parameters = new java.util.ArrayList<>();
        width.ifPresent(w -> parameters.add("w=" + w));
        height.ifPresent(h -> parameters.add("h=" + h));
        parameters.add("fit=" + fit.name().toLowerCase(Locale.ROOT));
        crop.ifPresent(r -> parameters.add("crop=" + r.x() + "," + r.y() + "," + r.width() + "," + r.height()));
        format.ifPresent(f -> parameters.add("format=" + f.parameterName()));
        quality.ifPresent(q -> parameters.add("q=" + q));
        return String.join("&", parameters);
    }

    /** Lossy formats take a quality; so does an undecided format, which may turn out JPEG. */
    private static boolean qualityApplies(Optional<ImageFormat> format) {
        return format.isEmpty() || format.get() == ImageFormat.JPEG || format.get() == ImageFormat.WEBP;
    }

    private static Optional<String> single(Map<String, List<String>> query, String name) {
        if (!query.containsKey(name)) {
            return Optional.empty();
        }
        List<String> values = query.get(name);
        if (values != null && values.size() > 1) {
            throw new InvalidRenderParameterException(name, "given more than once");
        }
        String value = values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
        if (value.isEmpty()) {
            throw new InvalidRenderParameterException(name, "must not be empty");
        }
        return Optional.of(value);
    }

    private static int integer(String name, String value, int min, int max) {
        long parsed = decimalDigits(value) ? Long.parseLong(value) : Long.MIN_VALUE;
        if (parsed < min || parsed > max) {
            throw new InvalidRenderParameterException(name, "must be an integer between " + min + " and " + max);
        }
        return (int) parsed;
    }

    /** 1 to 10 ASCII digits (parsed on every image request: no regular expression compiled each time). */
    private static boolean decimalDigits(String value) {
        if (value.isEmpty() || value.length() > 10) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Fit fit(String value) {
        return Arrays.stream(Fit.values()).filter(f -> f.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new InvalidRenderParameterException("fit", "must be one of contain, cover, fill"));
    }

    private static Crop crop(String value) {
        String reason = "must be x,y,w,h: four integers with x,y >= 0 and w,h >= 1";
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidRenderParameterException("crop", reason);
        }
        int[] n = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i].strip();
            if (!decimalDigits(part) || Long.parseLong(part) > Integer.MAX_VALUE) {
                throw new InvalidRenderParameterException("crop", reason);
            }
            n[i] = Integer.parseInt(part);
        }
        if (n[2] == 0 || n[3] == 0) {
            throw new InvalidRenderParameterException("crop", reason);
        }
        return new Crop(n[0], n[1], n[2], n[3]);
    }

    static ImageFormat format(String value, WebpEncoder webp) {
        Set<ImageFormat> writable = writableFormats(webp);
        String known = writable.stream().map(ImageFormat::parameterName).collect(Collectors.joining(", "));
        ImageFormat format = ImageFormat.fromParameter(value)
                .orElseThrow(() -> new InvalidRenderParameterException("format", "must be one of " + known));
        if (format == ImageFormat.WEBP && !webp.available()) {
            throw new InvalidRenderParameterException("format", "webp output needs libwebp (Debian package libwebp7), "
                    + "which this node lacks; use one of " + known);
        }
        if (!writable.contains(format)) {
            throw new InvalidRenderParameterException("format",
                    format.parameterName() + " can be read but not written; use one of " + known);
        }
        return format;
    }

    /** Image I/O's formats, which every node writes, and WebP where libwebp is loaded. */
    private static Set<ImageFormat> writableFormats(WebpEncoder webp) {
        return Arrays.stream(ImageFormat.values())
                .filter(f -> f.writable() && Codecs.standard().canWrite(f) || f == ImageFormat.WEBP && webp.available())
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(ImageFormat.class)));
    }
}
