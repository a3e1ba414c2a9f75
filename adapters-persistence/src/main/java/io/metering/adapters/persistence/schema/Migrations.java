package io.metering.adapters.persistence.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the newest version with the Flyway migrations in {@code db/migration}
 * ({@code V<n>__<what>.sql}, never edited once released). Running it again on a current schema
 * changes nothing; concurrent starts serialize on Flyway's lock. A database whose schema history
 * already holds exactly this build's migrations ({@link SchemaHistory}) is left to itself without
 * loading Flyway at all.
 */
public final class Migrations {
    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /**
     * @param dataSource the database
     * @return whether Flyway ran: false when the schema history already held exactly this build's
     *     migrations
     * @throws org.flywaydb.core.api.FlywayException if a migration fails or an applied one was changed
     */
    public static boolean migrate(DataSource dataSource) {
        if (SchemaHistory.isCurrent(dataSource)) {
            return false;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                // a service must never be able to wipe its own data
                .cleanDisabled(true)
                .load()
                .migrate();
        return true;
    }
}
