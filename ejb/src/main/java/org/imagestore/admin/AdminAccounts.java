package org.imagestore.admin;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.security.PasswordHashing;
import org.imagestore.support.InvalidParameterException;

/**
 * Accounts of the HTTP API: administrators, and viewers (an indexer, a dashboard) that may read what
 * {@code imagestore.http.metadata-access=viewer} keeps from the public. Passwords are kept as PBKDF2 hashes.
 */
@Stateless
public class AdminAccounts {

    private static final Logger LOG = Logger.getLogger(AdminAccounts.class.getName());
    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";

    /** An account as the API shows it (never its hash). */
    public record Account(String name, String role) {
    }

    @PersistenceContext
    private EntityManager em;
    @Inject
    private PasswordHashing passwords;
    @Inject
    private Event<PasswordChanged> passwordChanged;

    /** @return the account's role when the password is right */
    public Optional<String> authenticate(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select password_hash, role from admin_account where name = ?")
                .setParameter(1, name).getResultList();
        Optional<Object[]> row = rows.stream().map(Object[].class::cast).findFirst();
        return passwords.verifyOrSpend(password, row.map(r -> (String) r[0])) ? row.map(r -> (String) r[1]) : Optional.empty();
    }

    public List<Account> list() {
        List<?> rows = em.createNativeQuery("select name, role from admin_account order by name").getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Account((String) r[0], (String) r[1])).toList();
    }

    public Account create(String name, String password, String role) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new InvalidParameterException("name", "must be 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        if (!ADMIN.equals(role) && !VIEWER.equals(role)) {
            throw new InvalidParameterException("role", "must be \"admin\" or \"viewer\"");
        }
        requireAcceptable(password);
        int created = em.createNativeQuery("insert into admin_account (name, password_hash, role) values (?, ?, ?) on conflict do nothing")
                .setParameter(1, name).setParameter(2, passwords.hash(password)).setParameter(3, role).executeUpdate();
        if (created == 0) {
            throw new AccountExistsException(name);
        }
        LOG.info(() -> "account '" + name + "' (" + role + ") created");
        return new Account(name, role);
    }

    /** A new password, e.g. the first administrator's after the generated one. */
    public Account changePassword(String name, String password) {
        requireAcceptable(password);
        int changed = em.createNativeQuery("update admin_account set password_hash = ? where name = ?")
                .setParameter(1, passwords.hash(password)).setParameter(2, name).executeUpdate();
        if (changed == 0) {
            throw new UnknownAccountException(name);
        }
        LOG.info(() -> "password of account '" + name + "' changed");
        passwordChanged.fire(new PasswordChanged(name));
        return find(name).orElseThrow(() -> new UnknownAccountException(name));
    }

    /** Removes an account; never the last administrator. */
    public void remove(String name) {
        Account account = find(name).orElseThrow(() -> new UnknownAccountException(name));
        if (account.role().equals(ADMIN) && ((Number) em.createNativeQuery(
                "select count(*) from admin_account where role = 'admin'").getSingleResult()).longValue() <= 1) {
            throw new InvalidParameterException("name", "the last administrator cannot be removed");
        }
        em.createNativeQuery("delete from admin_account where name = ?").setParameter(1, name).executeUpdate();
        LOG.info(() -> "account '" + name + "' removed");
    }

    public Optional<Account> find(String name) {
        return list().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    private static void requireAcceptable(String password) {
        String weakness = PasswordHashing.weakness(password);
        if (weakness != null) {
            throw new InvalidParameterException("password", weakness);
        }
    }
}
