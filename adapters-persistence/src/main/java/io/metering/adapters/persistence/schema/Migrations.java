package io.metering.adapters.persistence.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version with the Flyway migrations in {@code db/migration}
 * ({@code V<n>__<what>.sql}, never edited once released). Running it again on a current schema
 * changes nothing; concurrent starts serialize on Flyway's lock.
 */
public final class Migrations {
    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /**
     * Loads Flyway's classes and its configuration without a database, so that a later
     * {@link #migrate} finds them ready; for a start-up that has time to spare while its database
     * starts.
     */
    public static void prepare() {
        Flyway.configure().locations(LOCATION).cleanDisabled(true);
    }

    /**
     * @param dataSource the database
     * @return what Flyway did
     * @throws org.flywaydb.core.api.FlywayException if a migration fails or an applied one was changed
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                // a service must never be able to wipe its own data
                .cleanDisabled(true)
                .load()
                .migrate();
    }
}
