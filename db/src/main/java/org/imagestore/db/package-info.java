/**
 * The private PostgreSQL server of the embedded default ({@code ./imagestore up} without a configured
 * database). It runs as its own process beside Payara; nothing here is deployed.
 */
package org.imagestore.db;
