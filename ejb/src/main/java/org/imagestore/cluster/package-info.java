/** This node's identity and the cluster's shared state. */
package org.imagestore.cluster;
