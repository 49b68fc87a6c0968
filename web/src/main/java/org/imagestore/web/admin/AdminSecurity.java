package org.imagestore.web.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Administrators log in with HTTP Basic; their accounts and PBKDF2 hashes are in the catalogue's
 * {@code admin_account} table. web.xml says which URLs need the {@value #ROLE} role.
 */
@BasicAuthenticationMechanismDefinition(realmName = "imagestore admin")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/imagestore",
        callerQuery = "select password_hash from admin_account where name = ?",
        groupsQuery = "select 'admin' from admin_account where name = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations=210000",
                "Pbkdf2PasswordHash.SaltSizeBytes=32"})
@DeclareRoles(AdminSecurity.ROLE)
@ApplicationScoped
public class AdminSecurity {

    public static final String ROLE = "admin";
}
