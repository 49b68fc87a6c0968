/**
 * Where an image's copies are: one placement row per node holding it (the catalogue is the directory, as in
 * Haystack), and which volume new blobs go to.
 */
package org.imagestore.placement;
