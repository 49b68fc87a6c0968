/** Administrator accounts for the HTTP admin API, and the first one, created at first start. */
package org.imagestore.admin;
