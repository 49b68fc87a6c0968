package org.imagestore.rendering;

import java.awt.Rectangle;

import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageFormat;

/**
 * The geometry of one rendition, worked out from the header alone: the displayed crop checked against the
 * oriented image, the output size from {@code w, h, fit}, {@code cover}'s centre cut, and all of it mapped to the
 * stored (un-oriented) image, where decoding and scaling happen.
 *
 * @param region      the stored pixels that are shown
 * @param storedWidth  output width before orientation is applied
 * @param storedHeight output height before orientation is applied
 * @param width       output width as displayed
 * @param height      output height as displayed
 * @param orientation EXIF orientation, applied last
 */
record RenderPlan(Rectangle region, int storedWidth, int storedHeight, int width, int height, Orientation orientation) {

    static RenderPlan of(ImageFacts source, RenderSpec spec, RenderLimits limits) {
        int shownW = source.displayWidth();
        int shownH = source.displayHeight();
        long x = 0;
        long y = 0;
        long w = shownW;
        long h = shownH;
        if (spec.crop().isPresent()) {
            Crop c = spec.crop().get();
            if ((long) c.x() + c.width() > shownW || (long) c.y() + c.height() > shownH) {
                throw new InvalidRenderParameterException("crop", "must lie inside the image, which is " + shownW + "x"
                        + shownH + " px as displayed (after EXIF orientation)");
            }
            x = c.x();
            y = c.y();
            w = c.width();
            h = c.height();
        }
        long outW;
        long outH;
        if (spec.width().isPresent() && spec.height().isPresent()) {
            outW = spec.width().getAsInt();
            outH = spec.height().getAsInt();
            switch (spec.fit()) {
                case CONTAIN -> {
                    double s = Math.min((double) outW / w, (double) outH / h);
                    outW = Math.max(1, Math.round(w * s));
                    outH = Math.max(1, Math.round(h * s));
                }
                case COVER -> { // cut the region to the box's aspect ratio, centred
                    if (w * outH > h * outW) {
                        long cut = Math.max(1, Math.round((double) h * outW / outH));
                        x += (w - cut) / 2;
                        w = cut;
                    } else {
                        long cut = Math.max(1, Math.round((double) w * outH / outW));
                        y += (h - cut) / 2;
                        h = cut;
                    }
                }
                case FILL -> {
                    // stretched: the box as given
                }
            }
        } else if (spec.width().isPresent()) {
            outW = spec.width().getAsInt();
            outH = Math.max(1, Math.round((double) h * outW / w));
        } else if (spec.height().isPresent()) {
            outH = spec.height().getAsInt();
            outW = Math.max(1, Math.round((double) w * outH / h));
        } else {
            outW = w;
            outH = h;
        }
        boolean webp = spec.format().filter(f -> f == ImageFormat.WEBP).isPresent();
        int maxSide = webp ? Math.min(limits.maxOutputSide(), WebpEncoder.MAX_SIDE) : limits.maxOutputSide();
        if (outW > maxSide || outH > maxSide) {
            String parameter = spec.width().isPresent() ? "w" : spec.height().isPresent() ? "h" : "crop";
            throw new InvalidRenderParameterException(parameter, "the output would be " + outW + "x" + outH
                    + " px; at most " + maxSide + " px on a side" + (webp ? " in webp" : "")
                    + " (give a smaller w or h)");
        }
        Orientation orientation = Orientation.of(source.orientation());
        int[] stored = orientation.storedRectangle((int) x, (int) y, (int) w, (int) h, source.width(), source.height());
        boolean swap = orientation.transposes();
        return new RenderPlan(new Rectangle(stored[0], stored[1], stored[2], stored[3]),
                (int) (swap ? outH : outW), (int) (swap ? outW : outH), (int) outW, (int) outH, orientation);
    }

    /** How many times the region shrinks to the output, along its tighter axis (below 1: enlarged). */
    double reduction() {
        return Math.min((double) region.width / storedWidth, (double) region.height / storedHeight);
    }
}
