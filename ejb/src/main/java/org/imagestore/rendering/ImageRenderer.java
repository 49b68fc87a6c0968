package org.imagestore.rendering;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imagestore.imaging.Codecs;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.imaging.ImageInspector;
import org.imagestore.imaging.NotAnImageException;

/**
 * Decodes, orients, crops, scales and encodes. Deterministic: the same source and spec give the same bytes.
 *
 * <p>The order of work: the header (limits checked before any raster exists) → the plan (crop in displayed
 * coordinates mapped to the stored image) → a decode of the region at a reduced scale ({@link SourceDecoder}) →
 * conversion to 8-bit sRGB with integer area averaging down to 2-4x the output ({@link StandardImage}) →
 * Lanczos-3 to the exact size ({@link Resampler}) → EXIF orientation on the small result → encoding
 * ({@link Encoder}). Single-threaded; the caller bounds concurrency.
 */
public final class ImageRenderer {

    private final RenderLimits limits;
    private final ImageInspector inspector;
    private final SourceDecoder decoder;
    private final Encoder encoder;

    public ImageRenderer(RenderLimits limits) {
        this(limits, Codecs.standard());
    }

    public ImageRenderer(RenderLimits limits, Codecs codecs) {
        this.limits = limits;
        this.inspector = new ImageInspector(codecs);
        this.decoder = new SourceDecoder(codecs);
        this.encoder = new Encoder(codecs, WebpEncoder.standard());
    }

    /**
     * @throws SourceRefusedException when the source exceeds the limits (checked from its header, before any raster is allocated)
     * @throws InvalidRenderParameterException when the spec does not fit this source (e.g. crop outside the image)
     */
    public Rendition render(Path source, RenderSpec spec) throws IOException {
        return render(source, facts(source), spec);
    }

    /**
     * Renders with facts known already (the catalogue's, recorded at ingest), so that the file's header is not
     * inspected again.
     */
    public Rendition render(Path source, ImageFacts facts, RenderSpec spec) throws IOException {
        admit(source, facts);
        RenderPlan plan = RenderPlan.of(facts, spec, limits);
        SourceDecoder.Decoded decoded = decoder.decode(source, facts.format(), plan);

        // integer area averaging while converting, down to between 2x and 4x the output (or 1:1)
        double windowW = plan.region().width / decoded.scaleX();
        double windowH = plan.region().height / decoded.scaleY();
        int fx = Math.max(1, (int) (windowW / plan.storedWidth() / 2));
        int fy = Math.max(1, (int) (windowH / plan.storedHeight() / 2));
        BufferedImage standard = StandardImage.standardize(decoded.image(), fx, fy);

        double x = (plan.region().x - decoded.originX()) / (decoded.scaleX() * fx);
        double y = (plan.region().y - decoded.originY()) / (decoded.scaleY() * fy);
        BufferedImage sized = Resampler.resize(standard, x, y, windowW / fx, windowH / fy,
                plan.storedWidth(), plan.storedHeight());
        BufferedImage shown = plan.orientation().apply(sized);

        ImageFormat format = spec.format().orElseGet(() -> defaultFormat(facts.format(), StandardImage.hasAlpha(shown)));
        byte[] bytes = encoder.encode(shown, format, spec.effectiveQuality());
        return new Rendition(bytes, format, shown.getWidth(), shown.getHeight());
    }

    /**
     * The memory a render of this source may hold at its peak, estimated from the header and the plan before
     * anything is read: the decoded region (at the scale the decoder will use), its standard copy, the resized
     * and encoded output, and for the JPEG fast path the file's bytes.
     *
     * @throws SourceRefusedException when the source exceeds the limits
     * @throws InvalidRenderParameterException when the spec does not fit this source
     */
    public long memoryNeeded(Path source, ImageFacts facts, RenderSpec spec) throws IOException {
        admit(source, facts); // beyond the limits, that is the answer, whatever the memory
        RenderPlan plan = RenderPlan.of(facts, spec, limits);
        long output = (long) plan.storedWidth() * plan.storedHeight();
        SourceDecoder.Footprint decoded = decoder.footprint(source, facts.format(), plan);
        long standard = Math.min(decoded.pixels(), 4 * output) * 4;
        return decoded.bytes() + standard + output * 4 * 3;
    }

    /**
     * The source's format when every node can write it, else PNG for transparent images and JPEG for the rest:
     * never WebP, which only nodes with libwebp write, so that a URL without {@code format} means the same bytes
     * on every node.
     */
    static ImageFormat defaultFormat(ImageFormat source, boolean alpha) {
        if (source.writable()) {
            return source;
        }
        return alpha ? ImageFormat.PNG : ImageFormat.JPEG;
    }

    private ImageFacts facts(Path source) throws IOException {
        try {
            return inspector.inspect(source);
        } catch (NotAnImageException e) {
            throw new SourceRefusedException("cannot render: " + e.getMessage());
        }
    }

    /** Enforces the limits from the size and the header's facts, so that nothing too large is ever decoded. */
    private void admit(Path source, ImageFacts facts) throws IOException {
        long bytes = Files.size(source);
        if (bytes > limits.maxSourceBytes()) {
            throw new SourceRefusedException("source is " + bytes + " bytes; at most " + limits.maxSourceBytes()
                    + " are rendered");
        }
        if (facts.pixels() > limits.maxSourcePixels()) {
            throw new SourceRefusedException("source is " + facts.width() + "x" + facts.height() + " = "
                    + facts.pixels() + " pixels; at most " + limits.maxSourcePixels() + " are rendered");
        }
    }
}
