package io.metering.adapters.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link PostgresPersistence} sets up storage.
 *
 * @param timescaleWhenAvailable whether to use TimescaleDB when the server offers the
 *     {@code timescaledb} extension; when false the service runs plain PostgreSQL (a table that is
 *     already a hypertable stays one)
 * @param chunkInterval the time span of a hypertable chunk of readings; applies to chunks created
 *     from now on
 */
public record PersistenceSettings(boolean timescaleWhenAvailable, Duration chunkInterval) {
    /**
     * The default chunk interval, 365 days. On a hypertable each statement of the service pays for
     * every chunk, not only those its time range touches: its prepared statements run generic plans
     * (planning a statement for its parameters costs more on a hypertable than it saves), and
     * PostgreSQL locks every chunk a generic plan names before TimescaleDB excludes them. Measured
     * (docs/timescale.md "Why 365-day chunks"): 10 million hourly readings over 11 years in 139
     * chunks of 30 days against 12 of 365 days: a page p50 22.7 against 2.5 ms in process, the v2
     * ingest PostgreSQL 35.1 against 6.4 CPU-seconds per 100,000 readings. Register readings are
     * sparse per series (monthly, daily, hourly at most; load profiles live in their own table), so
     * a year of a fleet of a million monthly registers is about 12 million rows (3 GB), within a
     * quarter of a 16 GB server's memory. Fleets that read a million registers daily should choose
     * fewer days (METERING_TIMESCALE_CHUNK_DAYS) and keep the chunk count over their history small.
     */
    public static final Duration DEFAULT_CHUNK_INTERVAL = Duration.ofDays(365);

    /** @throws IllegalArgumentException if the chunk interval is not at least one hour */
    public PersistenceSettings {
        Objects.requireNonNull(chunkInterval, "chunkInterval");
        if (chunkInterval.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("chunk interval must be at least one hour, not " + chunkInterval);
        }
    }

    /** TimescaleDB when available, 365-day chunks. */
    public static PersistenceSettings defaults() {
        return new PersistenceSettings(true, DEFAULT_CHUNK_INTERVAL);
    }
}
