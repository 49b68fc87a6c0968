/** What alert rules cost an upload: matching in memory, measured in a warm JVM. */
package org.imagestore.bench.alerts;
