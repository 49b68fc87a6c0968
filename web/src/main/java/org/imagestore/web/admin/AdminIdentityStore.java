package org.imagestore.web.admin;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import org.imagestore.admin.AdminAccounts;
import org.imagestore.security.LoginThrottle;

/**
 * The store's own administrator accounts (PBKDF2 hashes in the catalogue), checked the same way as FTP
 * logins, including their short memory of verified passwords.
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
        // the address the request came from (behind a load balancer: the balancer's)
        return throttle.attempt("admin", credential.getCaller(), request.getRemoteAddr(),
                () -> admins.authenticate(credential.getCaller(), credential.getPasswordAsString()))
                ? new CredentialValidationResult(credential.getCaller(), Set.of(AdminSecurity.ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
