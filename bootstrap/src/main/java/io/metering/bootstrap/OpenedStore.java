package io.metering.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.db.EmbeddedDatabase;
import java.util.Optional;

/**
 * The store as a start opens it: the embedded PostgreSQL when no external one is configured, the
 * connection pool, the schema migrations and the storage-mode probe. A start opens it on a thread
 * of its own while the main thread builds what needs no store (docs/benchmarks.md, "Start-up").
 *
 * @param embedded the embedded server, empty with an external database
 * @param dataSource the connection pool
 * @param persistence the repositories over the migrated schema
 */
record OpenedStore(Optional<EmbeddedDatabase> embedded, HikariDataSource dataSource, PostgresPersistence persistence) {

    /**
     * @throws RuntimeException what the embedded server, the pool or the migrations threw; whatever
     *     was opened before is closed again
     */
    static OpenedStore open(Configuration config) {
        Optional<EmbeddedDatabase> embedded = config.embeddedStore()
                ? Optional.of(EmbeddedDatabase.start(config.dataDir(), config.embeddedDbPort()))
                : Optional.empty();
        HikariDataSource dataSource = null;
        try {
            dataSource = embedded
                    .map(db -> DataSources.pooled(db.jdbcUrl(), db.user(), db.password(), config.dbPoolSize(),
                            config.dbConnectionTimeout()))
                    .orElseGet(() -> DataSources.pooled(config.jdbcUrl().orElseThrow(), config.dbUser(), config.dbPassword(),
                            config.dbPoolSize(), config.dbConnectionTimeout()));
            PostgresPersistence persistence = PostgresPersistence.start(dataSource,
                    new PersistenceSettings(config.timescale(), config.chunkInterval()));
            return new OpenedStore(embedded, dataSource, persistence);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    /** Closes the pool, then stops the embedded server. */
    void close() {
        try {
            persistence.close();
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }
}
