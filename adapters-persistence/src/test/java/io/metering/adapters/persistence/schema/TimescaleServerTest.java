package io.metering.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.persistence.SharedPostgres;
import io.metering.adapters.persistence.StorageMode;
import io.metering.adapters.persistence.StorageMode.TimescaleLicense;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The TimescaleDB step against a real TimescaleDB server (the hypertable run of {@code .ci/run}):
 * what it creates, converts and changes, and that per-counter range reads on the hypertable are
 * primary-key index scans of only the chunks the range touches.
 */
@EnabledIf("io.metering.adapters.persistence.SharedPostgres#onTimescale")
class TimescaleServerTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final OrganizationId ORG = new OrganizationId("timescale");

    private static PostgresPersistence start(String database, PersistenceSettings settings) {
        return PostgresPersistence.start(DataSources.pooled(SharedPostgres.jdbcUrl(database), SharedPostgres.USER, null, 2), settings);
    }

    private static Jdbi jdbi(String database) {
        return Jdbi.create(SharedPostgres.jdbcUrl(database), SharedPostgres.USER, "");
    }

    /** Daily readings of one counter over {@code days} days from T0. */
    private static List<Reading> daily(CounterId counter, int days) {
        MeterId meter = new MeterId(new java.util.UUID(1, 1));
        return IntStream.range(0, days)
                .mapToObj(i -> new Reading(meter, counter, Direction.FEED_OUT, T0.plus(Duration.ofDays(i)), BigDecimal.valueOf(i * 10L),
                        ReadingSource.ERP, null, null, null, null, null, null, null, Map.of()))
                .toList();
    }

    private static long chunks(Jdbi db) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = 'reading'")
                .mapTo(Long.class).one());
    }

    /** Chunks small enough that 100 or 200 daily readings span several. */
    private static final PersistenceSettings THIRTY_DAY_CHUNKS = new PersistenceSettings(true, Duration.ofDays(30));

    @Test
    void makesReadingsAHypertableOfTheApacheEditionWithoutATimeOnlyIndex() {
        StorageMode mode = SharedPostgres.persistence().mode();
        JdbiTimescaleCatalog catalog = new JdbiTimescaleCatalog(jdbi("postgres"));

        assertThat(mode).isInstanceOf(StorageMode.Timescale.class);
        StorageMode.Timescale ts = (StorageMode.Timescale) mode;
        assertThat(ts.extensionVersion()).startsWith("2.").isEqualTo(catalog.installedVersion().orElseThrow());
        assertThat(ts.license()).isEqualTo(TimescaleLicense.fromSetting(catalog.license()));
        assertThat(ts.chunkInterval()).isEqualTo(PersistenceSettings.DEFAULT_CHUNK_INTERVAL).isEqualTo(catalog.readingChunkInterval());
        assertThat(catalog.extensionAvailable()).isTrue();
        assertThat(catalog.readingIsHypertable()).isTrue();
        assertThat(catalog.dropDefaultTimeIndex()).as("reading_ts_idx exists").isFalse();
    }

    @Test
    void convertsAPopulatedPlainTableWhenTimescaleIsSwitchedOn() {
        String database = SharedPostgres.newDatabase();
        CounterId counter = CounterId.random();
        try (PostgresPersistence plain = start(database, new PersistenceSettings(false, Duration.ofDays(30)))) {
            assertThat(plain.mode().isTimescale()).isFalse();
            plain.readings().insert(ORG, daily(counter, 100));
        }

        try (PostgresPersistence converted = start(database, THIRTY_DAY_CHUNKS)) {
            assertThat(converted.mode().isTimescale()).isTrue();
            assertThat(converted.series().count(ORG, counter, Optional.empty(), Instant.MIN, Instant.MAX)).isEqualTo(100);
        }
        Jdbi db = jdbi(database);
        long leftInParent = db.withHandle(h -> h.createQuery("SELECT count(*) FROM ONLY reading").mapTo(Long.class).one());
        assertThat(leftInParent).as("rows left in the parent table").isZero();
        assertThat(chunks(db)).as("100 days in 30-day chunks").isBetween(4L, 5L);
    }

    @Test
    void aRestartWithAnotherIntervalChangesOnlyNewChunks() {
        String database = SharedPostgres.newDatabase();
        CounterId counter = CounterId.random();
        try (PostgresPersistence first = start(database, PersistenceSettings.defaults())) {
            first.readings().insert(ORG, daily(counter, 30));
        }
        long before = chunks(jdbi(database));

        try (PostgresPersistence second = start(database, new PersistenceSettings(true, Duration.ofDays(7)))) {
            assertThat(((StorageMode.Timescale) second.mode()).chunkInterval()).isEqualTo(Duration.ofDays(7));
            assertThat(second.series().count(ORG, counter, Optional.empty(), Instant.MIN, Instant.MAX)).isEqualTo(30);
        }
        assertThat(chunks(jdbi(database))).isEqualTo(before);
        assertThat(new JdbiTimescaleCatalog(jdbi(database)).readingChunkInterval()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void perCounterRangeReadsScanOnlyTheTouchedChunksByPrimaryKey() {
        String database = SharedPostgres.newDatabase();
        CounterId counter = CounterId.random();
        try (PostgresPersistence p = start(database, THIRTY_DAY_CHUNKS)) {
            p.readings().insert(ORG, daily(counter, 200));
            p.readings().insert(ORG, daily(CounterId.random(), 200));
        }
        Jdbi db = jdbi(database);
        db.useHandle(h -> h.execute("ANALYZE reading"));
        assertThat(chunks(db)).isGreaterThanOrEqualTo(7);

        // the statement shape of JdbiReadingSeriesQueries.range for one direction, a 10-day window; chunks
        // this small are cheaper to read whole, so sequential scans are off: a plan still using one has no index
        String plan = db.withHandle(h -> String.join("\n", h.execute("SET enable_seqscan = off") < 0 ? List.of() : h.createQuery("EXPLAIN SELECT ts, value FROM reading"
                        + " WHERE org_id = :org AND counter_id = CAST(:c AS uuid) AND direction = 'feed-out'"
                        + " AND ts >= CAST(:from AS timestamptz) AND ts <= CAST(:to AS timestamptz) ORDER BY ts LIMIT 100")
                .bind("org", ORG.value())
                .bind("c", counter.toString())
                .bind("from", T0.plus(Duration.ofDays(100)).toString())
                .bind("to", T0.plus(Duration.ofDays(110)).toString())
                .mapTo(String.class)
                .list()));

        assertThat(plan).doesNotContain("Seq Scan").doesNotContain("Sort")
                .contains("ChunkAppend").contains("Order: reading.ts")
                .containsPattern("Index (Only )?Scan using \"\\d+_\\d+_reading_pkey\" on _hyper_");
        assertThat(plan.split("_reading_pkey\" on _hyper_", -1)).as("at most the two chunks the window touches:%n%s", plan)
                .hasSizeLessThanOrEqualTo(3);
    }
}
