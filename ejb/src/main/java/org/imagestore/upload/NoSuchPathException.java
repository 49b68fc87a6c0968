package org.imagestore.upload;

import org.imagestore.support.RefusedException;

/** No file or folder at that path of the source's tree. */
public class NoSuchPathException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public NoSuchPathException(String what, TreePath path) {
        super("no " + what + " " + path);
    }
}
