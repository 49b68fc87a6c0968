/**
 * FTP upload load generator ({@link org.imagestore.bench.ftp.FtpUploadBenchmark}), the same against imagestore
 * and against a reference vsftpd.
 */
package org.imagestore.bench.ftp;
