package org.imagestore.alerting;

import jakarta.ejb.ApplicationException;

/** An alert rule with that name exists already. */
@ApplicationException(rollback = true)
public class RuleExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RuleExistsException(String name) {
        super("alert rule " + name + " exists already");
    }
}
