/**
 * Judging uploads by their content: which format, how large, and the EXIF facts (capture time, camera, GPS,
 * orientation), from headers and metadata only. {@link org.imagestore.imaging.Codecs} holds the image codecs in a
 * private registry, so that nothing of this application is registered JVM-wide in the app server.
 */
package org.imagestore.imaging;
