package org.imagestore.alerting;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.support.InvalidParameterException;
import org.imagestore.support.SqlValues;

/** Creates, changes, lists and deletes alert rules; every node picks up a change once it commits. */
@Stateless
public class AlertRules {

    private static final Logger LOG = Logger.getLogger(AlertRules.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration LONGEST_SILENCE = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Event<AlertRulesChanged> changed;

    /** @return the rule, with the webhook's secret (generated when none was given) */
    public AlertRule create(String name, RuleDefinition definition) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidParameterException("name", "1 to 64 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit");
        }
        if (record(name).isPresent()) {
            throw new RuleExistsException(name);
        }
        RuleDefinition checked = checked(withSecret(definition));
        AlertRuleRecord rule = new AlertRuleRecord(name, checked);
        em.persist(rule);
        changed.fire(new AlertRulesChanged());
        LOG.info(() -> "alert rule " + name + " created: " + describe(checked));
        return view(rule, 0, Optional.empty());
    }

    public List<AlertRule> list() {
        Map<Long, Object[]> stats = new HashMap<>();
        for (Object row : em.createNativeQuery(
                "select rule_id, count(*), max(fired_at) from alert_firing group by rule_id").getResultList()) {
            Object[] columns = (Object[]) row;
            stats.put(((Number) columns[0]).longValue(), columns);
        }
        return em.createQuery("select r from AlertRuleRecord r order by r.name", AlertRuleRecord.class)
                .getResultStream().map(rule -> {
                    Object[] s = stats.get(rule.id());
                    return s == null ? view(rule, 0, Optional.empty())
                            : view(rule, ((Number) s[1]).longValue(), Optional.of(SqlValues.instant(s[2])));
                }).toList();
    }

    public AlertRule find(String name) {
        return list().stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownRuleException(name));
    }

    public AlertRule change(String name, RuleChange change) {
        AlertRuleRecord rule = record(name).orElseThrow(() -> new UnknownRuleException(name));
        RuleDefinition definition = checked(withSecret(change.applyTo(rule.definition())));
        rule.define(definition);
        changed.fire(new AlertRulesChanged());
        LOG.info(() -> "alert rule " + name + " changed: " + describe(definition));
        return find(name);
    }

    /** Deletes the rule and its firings. */
    public void delete(String name) {
        AlertRuleRecord rule = record(name).orElseThrow(() -> new UnknownRuleException(name));
        em.remove(rule);
        changed.fire(new AlertRulesChanged());
        LOG.info(() -> "alert rule " + name + " deleted");
    }

    /** The enabled image rules, for matching at ingest. */
    public List<AlertRuleRecord> enabledImageRules() {
        return em.createQuery("select r from AlertRuleRecord r where r.enabled = true and r.kind = 'image'",
                AlertRuleRecord.class).getResultList();
    }

    private Optional<AlertRuleRecord> record(String name) {
        return em.createQuery("select r from AlertRuleRecord r where r.name = :name", AlertRuleRecord.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private static RuleDefinition withSecret(RuleDefinition definition) {
        return definition.webhook().filter(hook -> hook.secret() == null)
                .map(hook -> new RuleDefinition(definition.kind(), definition.match(), definition.sources(),
                        definition.silentFor(), Optional.of(new Webhook(hook.url(), newSecret())), definition.enabled()))
                .orElse(definition);
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** Refuses a definition that is not whole or could never fire. */
    static RuleDefinition checked(RuleDefinition definition) {
        if (definition.kind() == null) {
            throw new InvalidParameterException("kind", "image or silence");
        }
        definition.webhook().ifPresent(Webhook::check);
        if (definition.kind() == RuleKind.IMAGE) {
            if (definition.match() == null) {
                throw new InvalidParameterException("match", "an image rule needs criteria to match uploads against");
            }
            if (definition.sources() != null || definition.silentFor() != null) {
                throw new InvalidParameterException(definition.sources() != null ? "sources" : "silentFor",
                        "belongs to silence rules; an image rule names its sources in match.source");
            }
            definition.match().compile();
        } else {
            if (definition.match() != null) {
                throw new InvalidParameterException("match", "belongs to image rules");
            }
            if (definition.sources() == null || definition.sources().isBlank() || definition.sources().length() > 64) {
                throw new InvalidParameterException("sources", "a source's name, or a pattern such as yard-*");
            }
            Duration silence = definition.silentFor();
            if (silence == null || silence.toSeconds() < 1 || silence.compareTo(LONGEST_SILENCE) > 0) {
                throw new InvalidParameterException("silentFor", "an ISO-8601 duration from PT1S to P366D, such as PT30M");
            }
        }
        return definition;
    }

    private static String describe(RuleDefinition definition) {
        String what = definition.kind() == RuleKind.IMAGE ? "uploads with " + definition.match().describe()
                : "no upload from " + definition.sources() + " for " + definition.silentFor();
        return what + definition.webhook().map(hook -> ", webhook " + hook).orElse("")
                + (definition.enabled() ? "" : " (disabled)");
    }

    private static AlertRule view(AlertRuleRecord rule, long firings, Optional<Instant> lastFiredAt) {
        return new AlertRule(rule.name(), rule.definition(), rule.createdAt(), rule.updatedAt(), rule.silentSince(),
                firings, lastFiredAt);
    }
}
