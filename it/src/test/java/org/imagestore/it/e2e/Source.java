package org.imagestore.it.e2e;

/** A camera's FTP account, as created through the admin API ({@link Http#newSource}). */
record Source(String name, String password) {
}
