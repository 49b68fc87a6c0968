package org.imagestore.it.incontainer;

import static org.imagestore.it.incontainer.Fixtures.queryValue;
import static org.imagestore.it.incontainer.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.imagestore.source.InvalidSourceException;
import org.imagestore.source.SourceAccounts;
import org.imagestore.source.SourceExistsException;
import org.imagestore.source.SourceName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Source accounts: hashed passwords, changes, disabling. */
@ExtendWith(ArquillianExtension.class)
class SourceAccountsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.storeWithTests();
    }

    @Inject
    private SourceAccounts accounts;
    @Resource(lookup = "jdbc/imagestore")
    private DataSource db;

    @Test
    void passwordsAreStoredAsPbkdf2HashesNeverInClear() {
        String name = unique("hash");
        accounts.create(new SourceName(name), "correct horse battery");

        String stored = (String) queryValue(db, "select password_hash from source where name = ?", name);
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:210000:"), stored);
        assertFalse(stored.contains("correct horse battery"));
    }

    @Test
    void onlyTheRightPasswordOfAnEnabledSourceAuthenticates() {
        String name = unique("login");
        accounts.create(new SourceName(name), "first-password");

        assertTrue(accounts.authenticate(name, "first-password").isPresent());
        assertTrue(accounts.authenticate(name, "first-password").isPresent(), "again, from the verified cache");
        assertFalse(accounts.authenticate(name, "wrong-password").isPresent());
        assertFalse(accounts.authenticate(unique("nobody"), "first-password").isPresent());

        accounts.change(name, Optional.of("second-password"), Optional.empty());
        assertFalse(accounts.authenticate(name, "first-password").isPresent(), "the old password stops working");
        assertTrue(accounts.authenticate(name, "second-password").isPresent());

        accounts.change(name, Optional.empty(), Optional.of(false));
        assertFalse(accounts.authenticate(name, "second-password").isPresent(), "a disabled source cannot log in");
    }

    @Test
    void namesArePlainAndUniqueAndPasswordsLongEnough() {
        String name = unique("dup");
        accounts.create(new SourceName(name), "long-enough-1");

        assertThrows(SourceExistsException.class, () -> accounts.create(new SourceName(name), "long-enough-2"));
        InvalidSourceException weak = assertThrows(InvalidSourceException.class,
                () -> accounts.create(new SourceName(unique("weak")), "short"));
        assertEquals("password", weak.field());
        assertEquals("name", assertThrows(InvalidSourceException.class, () -> new SourceName("Bad Name!")).field());
    }
}
