/**
 * On-the-fly renditions for image URLs: parsing and validating {@code w, h, fit, crop, format, q}
 * ({@link org.imagestore.rendering.RenderSpec}) and rendering them deterministically within configured limits
 * ({@link org.imagestore.rendering.ImageRenderer}). Pure Java, no container; callers bound the concurrency.
 */
package org.imagestore.rendering;
