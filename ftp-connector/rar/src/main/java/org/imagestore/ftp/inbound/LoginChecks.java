package org.imagestore.ftp.inbound;

/**
 * Whether the login being handled on this thread could not be checked because the store did not answer (as
 * opposed to a wrong password). {@link SourceUserManager} says so; {@link PassOrComeBackLater} asks, within the
 * same PASS command and thread.
 */
final class LoginChecks {

    private final ThreadLocal<Boolean> storeUnavailable = new ThreadLocal<>();

    void storeDidNotAnswer() {
        storeUnavailable.set(Boolean.TRUE);
    }

    boolean storeDidNotAnswerThisLogin() {
        return Boolean.TRUE.equals(storeUnavailable.get());
    }

    void forgetThisLogin() {
        storeUnavailable.remove();
    }
}
