package org.imagestore.upload;

import org.imagestore.support.RefusedException;

/** A change of the tree that can never be made: removing a folder that is not empty, moving a folder into itself, renaming the root. */
public class TreeChangeRefusedException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public TreeChangeRefusedException(String why) {
        super(why);
    }
}
