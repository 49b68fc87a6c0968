package org.imagestore.source;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.security.PasswordHashing;

/** Creates, changes and checks source accounts. */
@Stateless
public class SourceAccounts {

    private static final Logger LOG = Logger.getLogger(SourceAccounts.class.getName());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private PasswordHashing passwords;

    public Source create(SourceName name, String password) {
        requireAcceptable(password);
        if (find(name.value()).isPresent()) {
            throw new SourceExistsException(name);
        }
        Source source = new Source(name, passwords.hash(password));
        em.persist(source);
        LOG.info(() -> "source " + name + " created");
        return source;
    }

    public List<Source> list() {
        return em.createQuery("select s from Source s order by s.name", Source.class).getResultList();
    }

    public Optional<Source> find(String name) {
        return em.createQuery("select s from Source s where s.name = :name", Source.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** Changes the password and/or the enabled flag; absent values stay as they are. */
    public Source change(String name, Optional<String> newPassword, Optional<Boolean> enabled) {
        Source source = find(name).orElseThrow(() -> new UnknownSourceException(name));
        newPassword.ifPresent(p -> {
            requireAcceptable(p);
            source.changePassword(passwords.hash(p));
            LOG.info(() -> "source " + name + ": password changed");
        });
        enabled.ifPresent(e -> {
            source.enable(e);
            LOG.info(() -> "source " + name + (e ? " enabled" : " disabled"));
        });
        return source;
    }

    /** @return the enabled source with that name and password */
    public Optional<Source> authenticate(String name, String password) {
        Optional<Source> source = find(name).filter(Source::enabled);
        return passwords.verifyOrSpend(password, source.map(Source::passwordHash)) ? source : Optional.empty();
    }

    private static void requireAcceptable(String password) {
        String weakness = PasswordHashing.weakness(password);
        if (weakness != null) {
            throw new InvalidSourceException("password", weakness);
        }
    }
}
