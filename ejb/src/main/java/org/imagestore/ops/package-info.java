/** What operators watch: counters exported as Prometheus text at {@code /metrics}. */
package org.imagestore.ops;
