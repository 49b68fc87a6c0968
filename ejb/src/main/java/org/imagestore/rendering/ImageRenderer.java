package org.imagestore.rendering;

import java.io.IOException;
import java.nio.file.Path;

/** Decodes, orients, crops, scales and encodes. Deterministic: the same source and spec give the same bytes. */
public final class ImageRenderer {

    private final RenderLimits limits;

    public ImageRenderer(RenderLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws SourceRefusedException when the source exceeds the limits (checked from its header, before any raster is allocated)
     * @throws InvalidRenderParameterException when the spec does not fit this source (e.g. crop outside the image)
     */
    public Rendition render(Path source, RenderSpec spec) throws IOException {
        throw new UnsupportedOperationException("being written " + limits);
    }
}
