package org.imagestore.source;

import org.imagestore.support.RefusedException;

/** The source exists but is disabled: it may log in no more, and a session still open can change nothing. */
public class SourceDisabledException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public SourceDisabledException(String name) {
        super("source " + name + " is disabled");
    }
}
