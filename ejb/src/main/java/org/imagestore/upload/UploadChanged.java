package org.imagestore.upload;

import java.util.Optional;

import org.imagestore.image.ImageCatalogue;
import org.imagestore.imaging.ImageFacts;

/**
 * A CDI event, fired inside the transaction that changed an upload record, so that whatever must be told
 * (the indexer, through the outbox) is written atomically with the change.
 *
 * @param upload       the record after the change
 * @param sourceName   its source
 * @param kind         what happened
 * @param previousPath the path before a rename
 * @param reason       for removals: why
 * @param imageFacts   the image's facts when the change has them at hand (a new upload: from its inspection)
 */
public record UploadChanged(Upload upload, String sourceName, Kind kind, Optional<TreePath> previousPath,
                            Optional<String> reason, Optional<ImageFacts> imageFacts) {

    /** The facts of the upload's image: those at hand, else the catalogue's (a read the upload path saves). */
    public ImageFacts imageFacts(ImageCatalogue catalogue) {
        return imageFacts.orElseGet(() -> catalogue.find(upload.imageId()).orElseThrow().facts());
    }

    public enum Kind {
        /** A new upload under its final name (or a temporary one renamed to its final name). */
        STORED,
        /** An announced upload got a new path. */
        RENAMED,
        /** An announced upload left the source's tree: deleted, or replaced by a newer upload of the same name. */
        REMOVED
    }
}
