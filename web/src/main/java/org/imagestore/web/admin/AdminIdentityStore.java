package org.imagestore.web.admin;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.imagestore.admin.AdminAccounts;

/**
 * The store's own administrator accounts (PBKDF2 hashes in the catalogue), checked the same way as FTP
 * logins, including their short memory of verified passwords.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    private AdminAccounts admins;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return admins.authenticate(credential.getCaller(), credential.getPasswordAsString())
                ? new CredentialValidationResult(credential.getCaller(), Set.of(AdminSecurity.ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
