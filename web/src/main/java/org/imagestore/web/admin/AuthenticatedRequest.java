package org.imagestore.web.admin;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose caller {@link AdminAuthentication} verified: what the servlet API (and through it JAX-RS's
 * {@code SecurityContext}) answers about the caller.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** An account of the store and its one role ({@link AdminSecurity#ROLE} or {@link AdminSecurity#VIEWER}). */
    record Caller(String name, String role) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    private final Caller caller;

    AuthenticatedRequest(HttpServletRequest request, Caller caller) {
        super(request);
        this.caller = caller;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public String getRemoteUser() {
        return caller.name();
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.role().equals(role);
    }

    @Override
    public String getAuthType() {
        return HttpServletRequest.BASIC_AUTH;
    }
}
