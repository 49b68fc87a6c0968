/** HTTP clients of the benchmark that wrk cannot stand in for (first renders, each URL requested once). */
package org.imagestore.bench.http;
