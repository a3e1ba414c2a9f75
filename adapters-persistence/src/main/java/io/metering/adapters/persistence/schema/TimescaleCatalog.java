package io.metering.adapters.persistence.schema;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link TimescaleSetup} asks of and does to the database: the seam that lets its decisions be
 * tested without a TimescaleDB server.
 */
interface TimescaleCatalog {
    /** {@code server_version}. */
    String serverVersion();

    /** Whether the server offers the extension ({@code pg_available_extensions}). */
    boolean extensionAvailable();

    /** The installed extension's version ({@code pg_extension}), if installed in this database. */
    Optional<String> installedVersion();

    /** {@code CREATE EXTENSION IF NOT EXISTS timescaledb}; throws when the server refuses. */
    void createExtension();

    /** {@code timescaledb.license}, may be null. */
    String license();

    /** Whether the {@code reading} table is a hypertable. */
    boolean readingIsHypertable();

    /** Whether the {@code reading} table holds any row. */
    boolean readingHasRows();

    /** Makes {@code reading} a hypertable on {@code ts}, moving existing rows into chunks if asked. */
    void createReadingHypertable(String extensionVersion, Duration chunkInterval, boolean migrateData);

    /**
     * Drops {@code reading_ts_idx}, the index on {@code ts} alone that {@code create_hypertable}
     * makes unless told not to, if it exists.
     *
     * @return whether it existed
     */
    boolean dropDefaultTimeIndex();

    /** The chunk interval of the {@code reading} hypertable. */
    Duration readingChunkInterval();

    /** Sets the chunk interval of the {@code reading} hypertable for chunks created from now on. */
    void setReadingChunkInterval(Duration chunkInterval);
}
