package org.imagestore.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.security.PasswordHashing;
import org.imagestore.support.SqlValues;

/** Creates, changes and checks source accounts. */
@Stateless
public class SourceAccounts {

    private static final Logger LOG = Logger.getLogger(SourceAccounts.class.getName());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private PasswordHashing passwords;
    @Inject
    private Event<SourcesChanged> changed;

    public Source create(SourceName name, String password) {
        requireAcceptable(password);
        if (find(name.value()).isPresent()) {
            throw new SourceExistsException(name);
        }
        Source source = new Source(name, passwords.hash(password));
        em.persist(source);
        changed.fire(new SourcesChanged());
        LOG.info(() -> "source " + name + " created");
        return source;
    }

    public List<Source> list() {
        return em.createQuery("select s from Source s order by s.name", Source.class).getResultList();
    }

    /** Every source's activity, by source name (sources that never sent anything are absent). */
    public Map<String, SourceActivity> activity() {
        Map<String, SourceActivity> activity = new HashMap<>();
        for (Object row : em.createNativeQuery("select s.name, max(u.received_at),"
                + " count(*) filter (where u.received_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'),"
                + " count(*) filter (where u.removed_at is null),"
                + " coalesce(sum(u.bytes) filter (where u.removed_at is null), 0)"
                + " from upload u join source s on s.id = u.source_id group by s.name").getResultList()) {
            Object[] c = (Object[]) row;
            activity.put((String) c[0], new SourceActivity(Optional.ofNullable(c[1]).map(SqlValues::instant),
                    ((Number) c[2]).longValue(), ((Number) c[3]).longValue(), ((Number) c[4]).longValue()));
        }
        return activity;
    }

    public Optional<Source> find(String name) {
        return em.createQuery("select s from Source s where s.name = :name", Source.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** The account as the catalogue has it, detached from this transaction (for {@link KnownSources}). */
    public Optional<Source> findDetached(String name) {
        Optional<Source> source = find(name);
        source.ifPresent(em::detach);
        return source;
    }

    /** Changes the password and/or the enabled flag; absent values stay as they are. */
    public Source change(String name, Optional<String> newPassword, Optional<Boolean> enabled) {
        Source source = find(name).orElseThrow(() -> new UnknownSourceException(name));
        changed.fire(new SourcesChanged());
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
