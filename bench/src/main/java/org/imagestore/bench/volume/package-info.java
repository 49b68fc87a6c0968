/**
 * The cost of the store's volume operations on the upload path, measured apart from the upload runs: the pending
 * mark that makes a store crash-safe ({@code bench/run} prints it into its results).
 */
package org.imagestore.bench.volume;
