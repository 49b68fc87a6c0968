package org.imagestore.web.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.imagestore.web.ErrorResponse;

/**
 * HTTP Basic for the store's accounts ({@link AdminCredentials}), as the web module's Jakarta Authentication
 * module ({@link AdminAuthenticationInstaller}), with one addition: once an administrator set
 * {@code PUT /admin/cluster {"adminHttpsOnly": true}}, a request over plain HTTP that needs an account (the admin
 * API, purges) or carries credentials is refused with 403 before any credential is read, and no password is
 * asked for there: the answer names HTTPS instead. Public reads without credentials never look at the setting.
 * A request marked {@code X-Requested-With: XMLHttpRequest} gets its 401 without a challenge, so that a browser
 * running the console shows the console's login form, not a password dialog of its own.
 *
 * <p>A module of our own rather than a Jakarta Security mechanism: the container calls it for every request,
 * image reads included, and the Jakarta Security bridge looked its mechanism up through JNDI and CDI twice per
 * request, measured at 15 % of a cached rendition's CPU ({@code bench/run}'s profile). A public request without
 * credentials costs a header read here.
 */
final class AdminAuthModule implements ServerAuthModule {

    private static final String CHALLENGE = "Basic realm=\"imagestore admin\"";
    private static final String BASIC = "Basic ";
    /** Set by the container in the message's map when the resource has an auth-constraint (Servlet profile). */
    private static final String PROTECTED = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    private static final String HTTPS_ONLY = json(new ErrorResponse(403, "forbidden", null,
            "the admin API and purges are taken over HTTPS only (adminHttpsOnly in /admin/cluster);"
                    + " send no password over plain HTTP"));

    private final AdminCredentials credentials;
    private final BooleanSupplier httpsOnly;
    private CallbackHandler container;

    /** @param httpsOnly the cluster setting; asked only for requests that need or carry credentials */
    AdminAuthModule(AdminCredentials credentials, BooleanSupplier httpsOnly) {
        this.credentials = credentials;
        this.httpsOnly = httpsOnly;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           Map options) {
        this.container = handler;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class[] getSupportedMessageTypes() {
        return new Class[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
        boolean isProtected = Boolean.parseBoolean(String.valueOf(message.getMap().get(PROTECTED)));
        String authorization = request.getHeader("Authorization");
        if (!request.isSecure() && (isProtected || authorization != null) && httpsOnly()) {
            return refusedWithoutTls(response);
        }
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            Optional<String[]> pair = decode(authorization.substring(BASIC.length()).trim());
            Optional<String> role = pair.flatMap(p -> credentials.role(p[0], p[1], request.getRemoteAddr()));
            if (role.isPresent()) {
                tell(new CallerPrincipalCallback(client, pair.get()[0]),
                        new GroupPrincipalCallback(client, new String[] {role.get()}));
                return AuthStatus.SUCCESS;
            }
        }
        // as the standard Basic mechanism: wrong credentials on a public resource leave the caller anonymous
        if (isProtected) {
            // a script (the console) asks for its own credentials: a challenge would make the browser pop up its own
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
            }
            return failed(() -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED));
        }
        tell(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    /** The cluster setting; when the catalogue cannot say, HTTPS only (no account can be checked then anyway). */
    private boolean httpsOnly() {
        try {
            return httpsOnly.getAsBoolean();
        } catch (RuntimeException catalogueDown) {
            return true;
        }
    }

    private void tell(Callback... callbacks) throws AuthException {
        try {
            container.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw (AuthException) new AuthException("the container refused the caller: " + e).initCause(e);
        }
    }

    /** user and password of a Basic credential; empty when it is not one */
    private static Optional<String[]> decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static AuthStatus refusedWithoutTls(HttpServletResponse response) throws AuthException {
        return failed(() -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write(HTTPS_ONLY);
            response.flushBuffer();
        });
    }

    private interface Answer {
        void send() throws IOException;
    }

    private static AuthStatus failed(Answer answer) throws AuthException {
        try {
            answer.send();
        } catch (IOException e) {
            throw (AuthException) new AuthException("could not answer: " + e).initCause(e);
        }
        return AuthStatus.SEND_FAILURE;
    }

    private static String json(ErrorResponse error) {
        try (Jsonb json = JsonbBuilder.create()) {
            return json.toJson(error);
        } catch (Exception closing) {
            throw new IllegalStateException(closing);
        }
    }
}
