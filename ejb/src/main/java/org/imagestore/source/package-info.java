/**
 * Sources: the cameras and other devices that upload, each with its own FTP account. Passwords are stored as
 * PBKDF2 hashes (Jakarta Security's {@code Pbkdf2PasswordHash}); successful checks are remembered briefly so
 * that cameras logging in for every picture do not pay for a key derivation each time.
 */
package org.imagestore.source;
