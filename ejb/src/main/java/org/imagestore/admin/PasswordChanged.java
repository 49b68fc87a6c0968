package org.imagestore.admin;

/** An account's password was changed (observed once the change has committed). */
public record PasswordChanged(String account) {
}
