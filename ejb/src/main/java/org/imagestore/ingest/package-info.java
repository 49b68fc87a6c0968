/**
 * Ingest: the MDB the FTP resource adapter delivers to, and the service that turns a staged upload into a
 * durable, catalogued, announced image, or refuses it with a reason the camera's FTP client is given.
 */
package org.imagestore.ingest;
