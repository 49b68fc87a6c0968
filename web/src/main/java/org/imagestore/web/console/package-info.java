/**
 * The operator console: static pages at {@code /console} (from {@code webapp/console}) that log in with an
 * administrator's account and work through the admin JSON API; nothing here but what serves them.
 */
package org.imagestore.web.console;
