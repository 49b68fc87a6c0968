/**
 * Sources: the cameras and other devices that upload, each with its own FTP account. Passwords are stored as
 * PBKDF2 hashes (see {@code org.imagestore.security}).
 */
package org.imagestore.source;
