package org.imagestore.web.admin;

/**
 * The roles of the store's HTTP accounts. Administrators log in with HTTP Basic, checked by
 * {@link AdminAuthentication}, which also says which requests need the {@value #ROLE} role.
 */
public final class AdminSecurity {

    public static final String ROLE = "admin";
    /** May read upload queries and image metadata when they are not public. */
    public static final String VIEWER = "viewer";
    /** The {@code WWW-Authenticate} of a 401 that asks for one of these accounts. */
    public static final String CHALLENGE = "Basic realm=\"imagestore admin\"";

    private AdminSecurity() {
    }
}
