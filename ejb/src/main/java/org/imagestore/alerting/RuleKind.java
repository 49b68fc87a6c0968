package org.imagestore.alerting;

import java.util.Locale;

/** What makes a rule fire. */
public enum RuleKind {
    /** An upload that matches the rule's criteria. */
    IMAGE,
    /** No upload from the rule's sources for a while. */
    SILENCE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
