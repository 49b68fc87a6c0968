package org.imagestore.ftp.api;

/**
 * The outcome of a durable upload.
 *
 * @param imageId   the content-derived image id ({@code /images/{imageId}})
 * @param uploadId  the upload record's id (carried by its metadata message)
 * @param announced whether the metadata message was committed with it (false for a temporary name awaiting its rename)
 */
public record UploadStored(String imageId, long uploadId, boolean announced) {
}
