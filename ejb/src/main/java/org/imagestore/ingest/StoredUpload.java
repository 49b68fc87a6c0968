package org.imagestore.ingest;

import org.imagestore.image.ImageId;

/**
 * A durable upload.
 *
 * @param image     the content-derived image id ({@code /images/{id}})
 * @param uploadId  the upload record's id (carried by its metadata message)
 * @param announced whether its metadata message was committed with it (false for a temporary name awaiting its rename)
 */
public record StoredUpload(ImageId image, long uploadId, boolean announced) {
}
