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
     * The default chunk interval, 30 days. Most registers are read monthly or daily: per-counter
     * questions (neighbours, ranges, latest reading) probe one index per chunk they span, and a month
     * keeps ten years of history at about 120 chunks where 7 days would make 520, each mostly holding
     * one reading per register. TimescaleDB's sizing rule - the newest chunk with its indexes within
     * about a quarter of memory - still holds for dense data of moderate fleets: a month of
     * 15-minute readings of 10,000 registers is about 29 million narrow rows, some 5 GB with the key
     * index, fine from 16-32 GB of memory. Denser fleets or smaller servers should choose 7 days.
     */
    public static final Duration DEFAULT_CHUNK_INTERVAL = Duration.ofDays(30);

    /** @throws IllegalArgumentException if the chunk interval is not at least one hour */
    public PersistenceSettings {
        Objects.requireNonNull(chunkInterval, "chunkInterval");
        if (chunkInterval.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("chunk interval must be at least one hour, not " + chunkInterval);
        }
    }

    /** TimescaleDB when available, 30-day chunks. */
    public static PersistenceSettings defaults() {
        return new PersistenceSettings(true, DEFAULT_CHUNK_INTERVAL);
    }
}
