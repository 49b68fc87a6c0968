package org.imagestore.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.security.PasswordHashing;

/**
 * When the store has no administrator yet, creates {@code admin} with the password found in the file named by
 * {@code imagestore.admin.initial-password-file} (the launcher generates one); the password is only kept hashed.
 * Once {@code admin}'s password is changed, the file holds nothing valid and is removed: a generated password
 * does not lie around after the operator chose one.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    public static final String NAME = "admin";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private PasswordHashing passwords;
    @Inject
    @ConfigProperty(name = "imagestore.admin.initial-password-file")
    Optional<String> passwordFile;

    @PostConstruct
    void createIfNone() {
        long admins = ((Number) em.createNativeQuery("select count(*) from admin_account").getSingleResult()).longValue();
        if (admins > 0) {
            return;
        }
        Optional<Path> file = passwordFile.filter(f -> !f.isBlank()).map(Path::of).filter(Files::isReadable);
        if (file.isEmpty()) {
            LOG.warning("no administrator exists and imagestore.admin.initial-password-file is not set:"
                    + " the admin API cannot be used until one is created");
            return;
        }
        String password;
        try {
            password = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String weakness = PasswordHashing.weakness(password);
        if (weakness != null) {
            throw new IllegalStateException("the initial administrator password in " + file.get() + " " + weakness);
        }
        em.createNativeQuery("insert into admin_account (name, password_hash) values (?, ?) on conflict do nothing")
                .setParameter(1, NAME).setParameter(2, passwords.hash(password)).executeUpdate();
        LOG.info("administrator '" + NAME + "' created with the password from " + file.get());
    }

    public void removeFileOnceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordChanged changed) {
        if (!changed.account().equals(NAME)) {
            return;
        }
        passwordFile.filter(f -> !f.isBlank()).map(Path::of).ifPresent(file -> {
            try {
                if (Files.deleteIfExists(file)) {
                    LOG.info("the first administrator password was changed: " + file + " removed");
                }
            } catch (IOException e) {
                LOG.warning("the first administrator password was changed, but " + file + " could not be removed: " + e);
            }
        });
    }
}
