package org.imagestore.admin;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.security.PasswordHashing;

/** Checks administrators' credentials (the HTTP admin API's identity store asks here). */
@Stateless
public class AdminAccounts {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private PasswordHashing passwords;

    public boolean authenticate(String name, String password) {
        if (name == null || password == null) {
            return false;
        }
        List<?> hashes = em.createNativeQuery("select password_hash from admin_account where name = ?")
                .setParameter(1, name).getResultList();
        return passwords.verifyOrSpend(password, hashes.stream().map(String.class::cast).findFirst());
    }
}
