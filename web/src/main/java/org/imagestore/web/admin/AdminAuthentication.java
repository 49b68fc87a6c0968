package org.imagestore.web.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.imagestore.web.ErrorResponse;

/**
 * HTTP Basic for the store's accounts ({@link AdminCredentials}), and the one place that says which requests need
 * an administrator: the admin API ({@code /admin}, any method) and purges ({@code DELETE /images/...}). Installed
 * ahead of every other filter by {@link AdminAuthenticationInstaller}.
 *
 * <ul>
 * <li>A request without credentials to anything else passes untouched: image reads cost a header look-up here.
 * <li>Valid credentials make the caller known to the rest of the request ({@link AuthenticatedRequest}: JAX-RS's
 *     {@code SecurityContext}, {@code isUserInRole}); wrong ones on a public resource leave the caller anonymous,
 *     as the standard Basic mechanism does, and count towards the account's lock-out.
 * <li>A request that needs an administrator gets 401 without valid credentials (with a Basic challenge, except
 *     for a script's {@code X-Requested-With: XMLHttpRequest}, so that the console shows its own login form rather
 *     than the browser's dialog), and 403 with an account of another role.
 * <li>Once an administrator set {@code PUT /admin/cluster {"adminHttpsOnly": true}}, a request over plain HTTP that
 *     needs an account or carries credentials is refused with 403 before any credential is read; the answer names
 *     HTTPS instead of asking for a password.
 * </ul>
 *
 * <p>A filter rather than the container's security (web.xml constraints and a Jakarta Authentication module, as
 * before): with a module registered, Payara calls it for every request, image reads included, with a new
 * {@code Subject} and a JACC resource check each time, which a cached rendition paid for in CPU
 * (bench/results/ab-20261204T1400Z-admin-filter). The paths compared are the container's decoded and normalised
 * ones (servlet path and path info), the same the constraints were matched against, so {@code /images/../admin} or
 * {@code //admin} are protected as well ({@code AdminApiIT}).
 */
final class AdminAuthentication extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String BASIC = "Basic ";

    private final transient AdminCredentials credentials;
    private final transient BooleanSupplier httpsOnly;

    /** @param httpsOnly the cluster setting; asked only for requests that need or carry credentials */
    AdminAuthentication(AdminCredentials credentials, BooleanSupplier httpsOnly) {
        this.credentials = credentials;
        this.httpsOnly = httpsOnly;
    }

    /** The admin API, any method, and purges: what only an administrator may do. */
    static boolean needsAdministrator(String method, String path) {
        return within(path, "/admin") || "DELETE".equals(method) && within(path, "/images");
    }

    private static boolean within(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        boolean forAdministrators = needsAdministrator(request.getMethod(), containerPath(request));
        if (!forAdministrators && authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!request.isSecure() && httpsOnly()) {
            ErrorResponse.send(response, HttpServletResponse.SC_FORBIDDEN, null,
                    "the admin API and purges are taken over HTTPS only (adminHttpsOnly in /admin/cluster);"
                            + " send no password over plain HTTP");
            return;
        }
        Optional<AuthenticatedRequest.Caller> caller = basic(authorization).flatMap(pair ->
                credentials.role(pair[0], pair[1], request.getRemoteAddr())
                        .map(role -> new AuthenticatedRequest.Caller(pair[0], role)));
        if (forAdministrators && caller.isEmpty()) {
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", AdminSecurity.CHALLENGE);
            }
            ErrorResponse.send(response, HttpServletResponse.SC_UNAUTHORIZED, null,
                    "this needs an administrator's account (HTTP Basic)");
            return;
        }
        if (forAdministrators && !AdminSecurity.ROLE.equals(caller.get().role())) {
            ErrorResponse.send(response, HttpServletResponse.SC_FORBIDDEN, null,
                    "account " + caller.get().getName() + " is not an administrator");
            return;
        }
        chain.doFilter(caller.<HttpServletRequest>map(c -> new AuthenticatedRequest(request, c)).orElse(request),
                response);
    }

    /** The path within the application as the container decoded, normalised and mapped it; no copy in practice. */
    private static String containerPath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath.isEmpty() ? pathInfo : servletPath + pathInfo;
    }

    /** The cluster setting; when the catalogue cannot say, HTTPS only (no account can be checked then anyway). */
    private boolean httpsOnly() {
        try {
            return httpsOnly.getAsBoolean();
        } catch (RuntimeException catalogueDown) {
            return true;
        }
    }

    /** user and password of a Basic credential; empty when there is none or it is not one */
    static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
