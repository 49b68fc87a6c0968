/**
 * Serving images: finding a copy of an original (this node's, or later a replica's), describing an image with
 * its uploads and replicas, and renditions. Images are immutable, so what is learnt about one is cached.
 */
package org.imagestore.delivery;
