package org.imagestore.admin;

/** No account of that name (HTTP 404). */
public class UnknownAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownAccountException(String name) {
        super("no account named '" + name + "'");
    }
}
