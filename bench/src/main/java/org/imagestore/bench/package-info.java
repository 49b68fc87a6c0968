/**
 * Load generators for {@code bench/run}. Each prints {@code key=value} lines on standard output that the script
 * reads, and exits non-zero when the run did not measure what it claims (too many failed requests, wrong
 * replies), so a bad run never ends up in a results table.
 */
package org.imagestore.bench;
