package io.metering.adapters.persistence.schema;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link TimescaleCatalog} over SQL. Every call runs on its own autocommit handle, so a refused
 * {@code CREATE EXTENSION} leaves no aborted transaction behind. Only functions of TimescaleDB's
 * Apache edition are used.
 */
final class JdbiTimescaleCatalog implements TimescaleCatalog {
    private final Jdbi jdbi;

    JdbiTimescaleCatalog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public String serverVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT current_setting('server_version')").mapTo(String.class).one());
    }

    @Override
    public boolean extensionAvailable() {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')")
                .mapTo(Boolean.class).one());
    }

    @Override
    public Optional<String> installedVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'")
                .mapTo(String.class).findOne());
    }

    @Override
    public void createExtension() {
        jdbi.useHandle(h -> h.execute("CREATE EXTENSION IF NOT EXISTS timescaledb"));
    }

    @Override
    public String license() {
        return jdbi.withHandle(h -> h.createQuery("SELECT current_setting('timescaledb.license', true)").mapTo(String.class).one());
    }

    @Override
    public boolean readingIsHypertable() {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM timescaledb_information.hypertables"
                        + " WHERE hypertable_schema = current_schema() AND hypertable_name = 'reading')")
                .mapTo(Boolean.class).one());
    }

    @Override
    public boolean readingHasRows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM reading)").mapTo(Boolean.class).one());
    }

    /**
     * {@inheritDoc} TimescaleDB 2.13 introduced {@code by_range} dimensions and deprecated the
     * column-name form; older versions only know the latter. The default index on {@code ts} alone
     * is not created: every query names a counter, so the chunks' primary-key indexes
     * {@code (org_id, counter_id, direction, ts)} serve them, and a second index would only slow
     * ingest.
     */
    @Override
    public void createReadingHypertable(String extensionVersion, Duration chunkInterval, boolean migrateData) {
        String sql = TimescaleVersions.atLeast(extensionVersion, 2, 13)
                ? "SELECT create_hypertable('reading', by_range('ts', CAST(:interval AS interval)),"
                        + " create_default_indexes => false, if_not_exists => true, migrate_data => :migrate)"
                : "SELECT create_hypertable('reading', 'ts', chunk_time_interval => CAST(:interval AS interval),"
                        + " create_default_indexes => false, if_not_exists => true, migrate_data => :migrate)";
        jdbi.useHandle(h -> h.createQuery(sql)
                .bind("interval", chunkInterval.toString())
                .bind("migrate", migrateData)
                .mapTo(String.class)
                .one());
    }

    @Override
    public boolean dropDefaultTimeIndex() {
        return jdbi.withHandle(h -> {
            boolean exists = h.createQuery("SELECT to_regclass('reading_ts_idx') IS NOT NULL").mapTo(Boolean.class).one();
            if (exists) {
                h.execute("DROP INDEX reading_ts_idx");
            }
            return exists;
        });
    }

    @Override
    public Duration readingChunkInterval() {
        return jdbi.withHandle(h -> h.createQuery("SELECT CAST(extract(epoch FROM time_interval) * 1000 AS bigint)"
                        + " FROM timescaledb_information.dimensions"
                        + " WHERE hypertable_schema = current_schema() AND hypertable_name = 'reading' AND column_name = 'ts'")
                .mapTo(Long.class)
                .findOne()
                .map(Duration::ofMillis)
                .orElse(Duration.ZERO));
    }

    @Override
    public void setReadingChunkInterval(Duration chunkInterval) {
        jdbi.useHandle(h -> h.createQuery("SELECT set_chunk_time_interval('reading', CAST(:interval AS interval))")
                .bind("interval", chunkInterval.toString())
                .mapTo(String.class)
                .findOne());
    }
}
