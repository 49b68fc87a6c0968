/**
 * The inbound resource adapter: runs Apache FtpServer inside the application server and turns FTP commands
 * into calls on the {@link org.imagestore.ftp.api.FtpStoreListener} MDB. Uploads are staged and fsync'd here;
 * the positive reply goes out only after the MDB's transaction has committed (observed through a
 * {@link jakarta.transaction.Synchronization} registered in it).
 */
package org.imagestore.ftp.inbound;
