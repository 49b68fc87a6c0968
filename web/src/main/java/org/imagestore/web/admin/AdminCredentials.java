package org.imagestore.web.admin;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.imagestore.admin.AdminAccounts;
import org.imagestore.security.LoginThrottle;

/**
 * The store's own accounts of the HTTP API (PBKDF2 hashes in the catalogue; role admin or viewer), checked the
 * same way as FTP logins: locked out after repeated failures, with a short memory of verified passwords.
 */
@ApplicationScoped
public class AdminCredentials {

    @Inject
    private AdminAccounts admins;
    @Inject
    private LoginThrottle throttle;

    /**
     * The account's role when the password is right and the account is not locked out.
     *
     * @param address where the request came from (behind a load balancer: the balancer's)
     */
    public Optional<String> role(String caller, String password, String address) {
        AtomicReference<String> role = new AtomicReference<>();
        boolean accepted = throttle.attempt("admin", caller, address, () -> {
            Optional<String> found = admins.authenticate(caller, password);
            found.ifPresent(role::set);
            return found.isPresent();
        });
        return accepted ? Optional.of(role.get()) : Optional.empty();
    }
}
