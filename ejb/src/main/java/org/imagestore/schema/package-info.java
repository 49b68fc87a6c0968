/** Brings the catalogue's schema up to date at start, with Flyway and the migrations of the {@code db} module. */
package org.imagestore.schema;
