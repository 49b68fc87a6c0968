/** {@code /images}: originals and renditions by id, image metadata, and the query of upload records. */
package org.imagestore.web.images;
