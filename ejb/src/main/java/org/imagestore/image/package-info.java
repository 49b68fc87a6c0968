/**
 * Images as the catalogue knows them: the content-derived {@link org.imagestore.image.ImageId}, the facts read
 * at ingest, and the catalogue that records them. Where the bytes live is {@code placement}'s business.
 */
package org.imagestore.image;
