package org.imagestore.alerting;

import jakarta.ejb.ApplicationException;

/** No alert rule has that name. */
@ApplicationException(rollback = true)
public class UnknownRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownRuleException(String name) {
        super("no alert rule named " + name);
    }
}
