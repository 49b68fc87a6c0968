package org.imagestore.web.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.imagestore.cluster.NodeRegistry;
import org.imagestore.web.ErrorResponse;

/**
 * HTTP Basic for the store's accounts ({@link AdminIdentityStore}), with one addition: once an administrator set
 * {@code PUT /admin/cluster {"adminHttpsOnly": true}}, a request over plain HTTP that needs an account (the admin
 * API, purges) or carries credentials is refused with 403 before any credential is read, and no password is
 * asked for there: the answer names HTTPS instead. Public reads without credentials never look at the setting.
 * A request marked {@code X-Requested-With: XMLHttpRequest} gets its 401 without a challenge, so that a browser
 * running the console shows the console's login form, not a password dialog of its own.
 */
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

    private static final String CHALLENGE = "Basic realm=\"imagestore admin\"";
    private static final String BASIC = "Basic ";

    @Inject
    private IdentityStoreHandler identities;
    @Inject
    private NodeRegistry registry;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (!request.isSecure() && (context.isProtected() || authorization != null) && httpsOnly()) {
            return refusedWithoutTls(response, context);
        }
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            UsernamePasswordCredential credential = decode(authorization.substring(BASIC.length()).trim());
            if (credential != null) {
                CredentialValidationResult result = identities.validate(credential);
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
        }
        // as the standard Basic mechanism: wrong credentials on a public resource leave the caller anonymous
        if (context.isProtected()) {
            // a script (the console) asks for its own credentials: a challenge would make the browser pop up its own
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
            }
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    /** The cluster setting; when the catalogue cannot say, HTTPS only (no account can be checked then anyway). */
    private boolean httpsOnly() {
        try {
            return registry.adminHttpsOnly();
        } catch (RuntimeException catalogueDown) {
            return true;
        }
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static AuthenticationStatus refusedWithoutTls(HttpServletResponse response, HttpMessageContext context) {
        try (Jsonb json = JsonbBuilder.create()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write(json.toJson(new ErrorResponse(403, "forbidden", null,
                    "the admin API and purges are taken over HTTPS only (adminHttpsOnly in /admin/cluster);"
                            + " send no password over plain HTTP")));
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception closing) {
            throw new IllegalStateException(closing);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
