package org.imagestore.rendering;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.imagestore.imaging.ImageFormat;

/**
 * A rendition request from an image URL: {@code w, h, fit, crop, format, q} (DESIGN.md, "HTTP (users)").
 * Immutable and canonical: two URLs that mean the same rendition give equal specs and the same {@link #key()}.
 */
public record RenderSpec(OptionalInt width, OptionalInt height, Fit fit, Optional<Crop> crop,
                         Optional<ImageFormat> format, OptionalInt quality) {

    /** The original, untouched. */
    public static final RenderSpec ORIGINAL = new RenderSpec(OptionalInt.empty(), OptionalInt.empty(), Fit.CONTAIN,
            Optional.empty(), Optional.empty(), OptionalInt.empty());

    /**
     * Parses URL query parameters. Unknown parameters and {@code sig} are the caller's business: this
     * method ignores {@code sig} and rejects any other unknown name.
     *
     * @throws InvalidRenderParameterException naming the parameter and the reason
     */
    public static RenderSpec parse(Map<String, List<String>> query, RenderLimits limits) {
        throw new UnsupportedOperationException("being written");
    }

    /** True when no parameter asks for a change: the original bytes are served. */
    public boolean isOriginal() {
        return equals(ORIGINAL);
    }

    /** A short canonical string for cache keys and ETags, e.g. {@code w320-h0-contain-c0,0,0,0-jpeg-q85}. */
    public String key() {
        throw new UnsupportedOperationException("being written");
    }
}
