/**
 * A self-contained decoder for sequential Huffman JPEGs at 1/2, 1/4 and 1/8 scale in the DCT domain (the fast
 * path for thumbnails of camera photos). It handles the common case only and says so with
 * {@link org.imagestore.imaging.jpeg.UnsupportedJpegException}; everything else is left to Image I/O.
 */
package org.imagestore.imaging.jpeg;
