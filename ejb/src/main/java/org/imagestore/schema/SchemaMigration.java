package org.imagestore.schema;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the schema before anything else starts. Every node runs it; Flyway's lock in PostgreSQL lets one
 * apply the migrations while the others wait and then find nothing to do.
 */
@Singleton
@Startup
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** The catalogue's data source (config/asadmin creates it). */
    public static final String DATA_SOURCE = "jdbc/imagestore";

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    // A @Startup singleton's @PostConstruct runs inside a container transaction unless told otherwise on the
    // method itself; Flyway must manage its own transactions.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("catalogue schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
