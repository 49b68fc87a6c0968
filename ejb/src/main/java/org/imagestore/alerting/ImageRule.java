package org.imagestore.alerting;

import java.util.function.Predicate;

/** An enabled image rule, compiled for matching at ingest. */
public record ImageRule(long id, String name, ImageCriteria criteria, Predicate<Arrival> test) {

    static ImageRule of(AlertRuleRecord rule) {
        RuleDefinition definition = rule.definition();
        return new ImageRule(rule.id(), rule.name(), definition.match(), definition.match().compile());
    }

    boolean matches(Arrival arrival) {
        return test.test(arrival);
    }
}
