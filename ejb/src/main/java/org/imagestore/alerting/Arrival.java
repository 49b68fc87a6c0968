package org.imagestore.alerting;

import org.imagestore.imaging.ImageFacts;

/** An upload as image rules look at it: who sent it, under which path, and what the image is. */
public record Arrival(String source, String path, long bytes, ImageFacts facts) {
}
