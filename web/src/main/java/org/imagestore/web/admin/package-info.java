/**
 * {@code /admin}: source accounts and (later) cluster state, for administrators authenticated with HTTP Basic
 * against the store's own admin accounts.
 */
package org.imagestore.web.admin;
