/**
 * A node's volumes: folders on its own disks where blobs live, sharded by the image id's group
 * ({@code blobs/ab/abcd...}). A blob is only ever made visible by an atomic rename of a complete, fsync'd file,
 * followed by an fsync of its folder, so a crash leaves either the whole blob or none.
 */
package org.imagestore.volume;
