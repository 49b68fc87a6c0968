package org.imagestore.admin;

/** An account of that name exists already (HTTP 409). */
public class AccountExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountExistsException(String name) {
        super("an account named '" + name + "' exists already");
    }
}
