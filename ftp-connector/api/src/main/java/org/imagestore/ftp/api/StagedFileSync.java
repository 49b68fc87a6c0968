package org.imagestore.ftp.api;

import java.io.IOException;

/**
 * The fsync of an upload's staged file. The adapter starts it when the transfer ends and lets it run while the store
 * checks and records the upload (a millisecond or more of a disk's time against as much of the store's): the store
 * waits for it before it makes the staged file a blob, and so before it commits.
 */
@FunctionalInterface
public interface StagedFileSync {

    /** Returns once the staged bytes are on disk; throws if they could not be put there (keep nothing then). */
    void await() throws IOException;
}
