/**
 * The contract between the FTP resource adapter and the application: the message-listener interface an MDB
 * implements ({@link org.imagestore.ftp.api.FtpStoreListener}) and the values that cross it. This jar lives
 * in the EAR's {@code lib/} so that the adapter and the MDB see the same classes.
 */
package org.imagestore.ftp.api;
