package org.imagestore.web.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Administrators log in with HTTP Basic ({@link AdminAuthModule}), checked by {@link AdminCredentials};
 * web.xml says which URLs need the {@value #ROLE} role.
 */
@DeclareRoles({AdminSecurity.ROLE, AdminSecurity.VIEWER})
@ApplicationScoped
public class AdminSecurity {

    public static final String ROLE = "admin";
    /** May read upload queries and image metadata when they are not public. */
    public static final String VIEWER = "viewer";
}
