/**
 * Upload records and each source's virtual FTP tree: what a source sent, under which folder and name, when
 * and to which node. A record points at an image; two records may share one. The tree is what FTP
 * {@code LIST}, {@code CWD}, {@code RNFR/RNTO}, {@code DELE} and {@code MKD} work on.
 */
package org.imagestore.upload;
