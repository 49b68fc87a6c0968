package org.imagestore.rendering;

/** How a rendition fills the requested box. */
public enum Fit {
    /** Inside the box, aspect kept (default). */
    CONTAIN,
    /** Fills the box, aspect kept, centre-cropped. */
    COVER,
    /** Stretched to the box. */
    FILL
}
