/** Password hashing shared by source (FTP) and administrator (HTTP) accounts. */
package org.imagestore.security;
