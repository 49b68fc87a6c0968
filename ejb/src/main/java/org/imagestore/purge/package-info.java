/** Purging an image on an administrator's request: catalogue rows, announcements, copies and cached renditions. */
package org.imagestore.purge;
