package org.imagestore.upload;

import java.time.Instant;

/** A file (the current upload under a name) or a folder in a source's tree, as a listing shows it. */
public record TreeEntry(String name, boolean folder, long size, Instant lastModified) {

    static TreeEntry folder(String name, Instant lastModified) {
        return new TreeEntry(name, true, 0, lastModified);
    }

    static TreeEntry file(String name, long size, Instant lastModified) {
        return new TreeEntry(name, false, size, lastModified);
    }
}
