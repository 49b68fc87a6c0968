package org.imagestore.upload;

import org.imagestore.support.RefusedException;

/** The path is taken by something that cannot be replaced (a folder where a file should go, or the reverse). */
public class PathTakenException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public PathTakenException(TreePath path, String why) {
        super(path + " " + why);
    }
}
