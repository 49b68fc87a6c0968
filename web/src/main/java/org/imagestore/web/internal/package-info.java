/**
 * The node-to-node endpoint ({@code /internal/...}): copies of blobs pushed, pulled and read, removals, and
 * renders asked of a node that holds the image. Every request is signed with the cluster's secret.
 */
package org.imagestore.web.internal;
