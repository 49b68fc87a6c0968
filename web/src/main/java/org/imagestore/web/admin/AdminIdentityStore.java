package org.imagestore.web.admin;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import org.imagestore.admin.AdminAccounts;
import org.imagestore.security.LoginThrottle;

/**
 * The store's own accounts of the HTTP API (PBKDF2 hashes in the catalogue; role admin or viewer), checked the
 * same way as FTP logins: locked out after repeated failures, with a short memory of verified passwords.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    private AdminAccounts admins;
    @Inject
    private LoginThrottle throttle;
    @Inject
    private HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        AtomicReference<String> role = new AtomicReference<>();
        // the address the request came from (behind a load balancer: the balancer's)
        boolean accepted = throttle.attempt("admin", credential.getCaller(), request.getRemoteAddr(), () -> {
            Optional<String> found = admins.authenticate(credential.getCaller(), credential.getPasswordAsString());
            found.ifPresent(role::set);
            return found.isPresent();
        });
        return accepted ? new CredentialValidationResult(credential.getCaller(), Set.of(role.get()))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
