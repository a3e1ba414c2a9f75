package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ChangesetQueuePosition;
import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.PageRequest;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.application.port.out.MeterSearch;
import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.PruneScope;
import io.metering.application.port.out.ReadingMatch;
import io.metering.application.port.out.SeriesSpan;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the adapter talks to PostgreSQL: how many statements a call costs, whatever its size, and
 * that every statement is served by an index (ReadingSeriesQueries' promise), checked on the plans
 * PostgreSQL chose with sequential scans switched off. Plans follow the statistics, so the test
 * has a database of its own, fixed ids, and the statistics of the readings as loaded, kept while
 * tests delete and update some (no autovacuum analyzing them at a moment of its own): the same
 * plans in every run, whatever the order of the tests.
 */
class QueryShapeTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    // fixed ids: the rows, so the statistics and the plans, are the same every run (the database is the test's own)
    private static final OrganizationId ORG = new OrganizationId("shape");
    private static final MeterId METER = new MeterId(fixed("meter"));
    private static final List<CounterId> COUNTERS = IntStream.range(0, 4).mapToObj(i -> new CounterId(fixed("counter-" + i))).toList();

    private static RecordingDatabase db;
    private static JdbiReadingRepository readings;
    private static JdbiReadingSeriesQueries series;

    @BeforeAll
    static void readings() {
        db = new RecordingDatabase();
        readings = new JdbiReadingRepository(db.transactions);
        series = new JdbiReadingSeriesQueries(db.transactions);
        List<Reading> rows = new ArrayList<>();
        for (CounterId c : COUNTERS) {
            for (int i = 0; i < 2_600; i++) {
                Direction d = i % 2 == 0 ? Direction.FEED_OUT : Direction.FEED_IN;
                rows.add(new Reading(METER, c, d, T0.plusSeconds(900L * i), new BigDecimal(i), ReadingSource.ERP, null, null, null,
                        "ext-" + i, null, null, null, Map.of("row", String.valueOf(i))));
            }
        }
        db.reset();
        readings.insert(ORG, rows);
        assertThat(db.executed()).as("10,400 readings in chunks of 5,000").hasSize(3);
        db.freezeReadingStatistics();
    }

    private static UUID fixed(String name) {
        return UUID.nameUUIDFromBytes(("query-shape/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Runs the call and returns what it executed, after checking that no plan scans a table sequentially. */
    private static List<RecordingDatabase.Executed> run(Consumer<Void> call) {
        db.reset();
        call.accept(null);
        List<RecordingDatabase.Executed> executed = db.executed();
        assertThat(executed).isNotEmpty();
        for (RecordingDatabase.Executed e : executed) {
            assertThat(e.plan()).as("plan of %s", e.sql()).contains("Query Text").doesNotContain("Seq Scan");
        }
        return executed;
    }

    @Test
    void neighboursOfManyProbesAreOneIndexedStatement() {
        List<NeighbourProbe> probes = new ArrayList<>();
        for (CounterId c : COUNTERS) {
            for (int i = 0; i < 50; i++) {
                probes.add(new NeighbourProbe(new SeriesKey(c, Direction.FEED_OUT), T0.plusSeconds(1800L * i + 60)));
            }
        }

        var executed = run(x -> assertThat(readings.neighbours(ORG, probes,
                List.of(new ReadingKey(probes.get(0).series(), T0)))).hasSize(200));

        assertThat(executed).hasSize(1);
        assertThat(executed.get(0).plan()).contains("reading_pkey");
    }

    @Test
    void spansOfManySeriesAreOneIndexedStatement() {
        List<SeriesSpan> spans = new ArrayList<>();
        for (CounterId c : COUNTERS) {
            for (Direction d : Direction.values()) {
                spans.add(new SeriesSpan(new SeriesKey(c, d), T0.plusSeconds(900L * 100 + 1), T0.plusSeconds(900L * 200 - 1)));
            }
        }

        var executed = run(x -> assertThat(readings.around(ORG, spans).orElseThrow()).hasSize(8)
                .allSatisfy((k, v) -> assertThat(v.occupied()).isTrue()));

        assertThat(executed).hasSize(1);
        assertThat(executed.get(0).plan()).contains("reading_pkey");
        var single = run(x -> assertThat(readings.around(ORG, spans.subList(0, 1)).orElseThrow()).hasSize(1));
        assertThat(single).hasSize(1);
        assertThat(single.get(0).plan()).contains("reading_pkey");
    }

    @Test
    void keyLookupsAndWritesAreOneStatementEach() {
        List<ReadingKey> keys = IntStream.range(0, 100)
                .mapToObj(i -> new ReadingKey(new SeriesKey(COUNTERS.get(0), Direction.FEED_OUT),
                        T0.plusSeconds(1800L * i)))
                .toList();

        assertThat(run(x -> assertThat(readings.findByKeys(ORG, keys)).hasSize(100))).hasSize(1);
        List<Reading> again = new ArrayList<>(readings.findByKeys(ORG, keys).values());
        assertThat(run(x -> readings.upsert(ORG, again))).hasSize(1);
    }

    @Test
    void matchesOfOneShapeAreOneStatement() {
        List<ReadingMatch> matches = IntStream.range(0, 60)
                .mapToObj(i -> new ReadingMatch(METER, null, null, null, "ext-" + i, null))
                .toList();

        var executed = run(x -> assertThat(readings.findMatching(ORG, matches)).allSatisfy(found -> assertThat(found).hasSize(4)));

        assertThat(executed).hasSize(1);
        assertThat(executed.get(0).plan()).containsAnyOf("reading_meter_external_id", "reading_external_id");
        assertThat(run(x -> readings.findMatching(ORG, List.of(new ReadingMatch(null, COUNTERS.get(1), Direction.FEED_IN,
                T0.plusSeconds(900), null, null))))).hasSize(1);
    }

    @Test
    void keyProbesOfOneSeriesAreOneScanOfThePrimaryKey() {
        // a v2 batch of one counter with the default identifiers: every other instant of the series is stored
        List<ReadingMatch> matches = IntStream.range(0, 100)
                .mapToObj(i -> new ReadingMatch(METER, COUNTERS.get(3), Direction.FEED_OUT, T0.plusSeconds(900L * i), null, null))
                .toList();

        List<List<List<Reading>>> answers = new ArrayList<>();
        var executed = run(x -> answers.add(readings.findMatching(ORG, matches)));

        List<List<Reading>> found = answers.get(0);
        assertThat(found).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(found.get(i)).as("match %d", i).hasSize(i % 2 == 0 ? 1 : 0);
            if (i % 2 == 0) {
                assertThat(found.get(i).get(0).timestamp()).isEqualTo(matches.get(i).timestamp());
                assertThat(found.get(i).get(0).counterId()).isEqualTo(COUNTERS.get(3));
            }
        }

        assertThat(executed).hasSize(1);
        assertThat(executed.get(0).sql()).doesNotContain("LATERAL");
        assertThat(executed.get(0).plan()).contains("reading_pkey");
    }

    @Test
    void seriesQuestionsAreIndexRangeScans() {
        CounterId c = COUNTERS.get(2);
        SeriesKey out = new SeriesKey(c, Direction.FEED_OUT);
        Instant mid = T0.plusSeconds(900L * 1_300);

        // a page well inside what the statistics expect a range of one direction to hold: the plans the service runs are generic,
        // expecting 0.5 % of a series in any range, here 7 readings; a page reaching past them (20 + 10) is rightly sorted whole
        var range = run(x -> assertThat(series.range(ORG, c, Optional.empty(), T0, mid, SortOrder.DESC, new PageRequest(2, 3)))
                .hasSize(3));
        // the directions' index scans merge by ts; only rows sharing an instant are ordered by direction
        assertThat(range.get(0).plan()).contains("Merge Append").doesNotContainPattern("(?<!Incremental )Sort +\\(cost");
        run(x -> series.range(ORG, c, Optional.of(Direction.FEED_IN), T0, mid, SortOrder.ASC, new PageRequest(0, PageRequest.ALL)));
        // a page of getReadingsByInterval: window, hits and first timestamp in one indexed statement
        var window = run(x -> assertThat(series.window(ORG, c, Optional.empty(), T0, mid, SortOrder.ASC, new PageRequest(0, 100)).hits())
                .isEqualTo(1_301));
        assertThat(window).hasSize(1);
        run(x -> assertThat(series.count(ORG, c, Optional.empty(), T0, mid)).isEqualTo(1_301));
        run(x -> assertThat(series.firstTimestamp(ORG, c, Optional.empty())).contains(T0));
        run(x -> assertThat(series.lastPlausibleBefore(ORG, out, mid)).isPresent());
        run(x -> assertThat(series.lastPlausibleAtOrBefore(ORG, out, mid)).isPresent());
        run(x -> assertThat(series.firstPlausibleAfter(ORG, out, mid)).isPresent());
        run(x -> assertThat(series.recentPlausible(ORG, out, mid, 12)).hasSize(12));
        run(x -> assertThat(series.plausibleBetween(ORG, out, T0, mid)).hasSize(651));
        var latest = run(x -> assertThat(series.latestPlausible(ORG, COUNTERS)).hasSize(4));
        assertThat(latest).hasSize(1);
    }

    @Test
    void pruneHashesALongKeepListEveryTime() {
        Set<String> keep = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> keep.add("ext-" + (i * 7)));
        PruneScope scope = new PruneScope(METER, null, null, keep);

        for (int run = 0; run < 15; run++) {
            var executed = run(x -> assertThat(readings.prune(ORG, scope, true).kept()).isEqualTo(4 * 372));
            // one hash probe per reading, not a walk through 10,000 ids, with custom and generic plans alike
            assertThat(executed.get(0).plan()).as("run %d", run).contains("hashed SubPlan");
        }
    }

    @Test
    void pruneAndMeterQueriesUseIndexes() {
        run(x -> assertThat(readings.prune(ORG, new PruneScope(METER, COUNTERS.get(3), ReadingSource.ERP,
                Set.of("ext-1", "ext-2")), true).deleted()).isEqualTo(2_598));
        JdbiMeterRepository meters = new JdbiMeterRepository(db.transactions);
        run(x -> meters.search(ORG, new MeterSearch("contact-1", null, null, null, null, Set.of(), false), new PageRequest(0, 10)));
        run(x -> meters.search(ORG, MeterSearch.reachableBy("contact-1", Set.of("contract-1")), new PageRequest(0, 10)));
        run(x -> meters.search(ORG, new MeterSearch(null, null, "11111111111", null, null, Set.of(), false), new PageRequest(0, 10)));
        run(x -> meters.search(ORG, MeterSearch.all(), new PageRequest(5, 10)));
        JdbiChangesetRepository changesets = new JdbiChangesetRepository(db.transactions);
        run(x -> changesets.findByCounters(ORG, COUNTERS));
        JdbiCounterRepository counters = new JdbiCounterRepository(db.transactions);
        run(x -> counters.findByMeters(ORG, List.of(METER)));
    }

    @Test
    void meterTextSearchOrsIndexScans() {
        JdbiMeterRepository meters = new JdbiMeterRepository(db.transactions);
        var executed = run(x -> meters.search(ORG, new MeterSearch(null, null, null, null, null, Set.of(), false, "5123"),
                new PageRequest(0, 10)));
        // which index serves it depends on the statistics (the organization's rows, or the prefix arms ORed); never a scan of the table
        assertThat(executed.get(0).plan()).containsAnyOf("meter_org_ma_lo_id_prefix", "meter_org_meter_number_prefix", "meter_org_created");
        run(x -> meters.search(ORG, new MeterSearch(null, null, null, null, null, Set.of(), false, METER.toString()),
                new PageRequest(0, 10)));
    }

    @Test
    void reviewQueuesReadTheirIndexes() {
        var implausible = run(x -> series.implausible(ORG, ImplausibleQueueFilter.NONE, SortOrder.DESC,
                new ReadingQueuePosition(T0.plusSeconds(900L * 100), COUNTERS.get(0), Direction.FEED_OUT), 51));
        assertThat(implausible.get(0).plan()).contains("reading_org_implausible");
        run(x -> series.implausible(ORG, new ImplausibleQueueFilter(METER, COUNTERS.get(1), ReadingSource.ERP, T0, T0.plusSeconds(9000)),
                SortOrder.ASC, null, 51));
        assertThat(run(x -> series.countImplausible(ORG, ImplausibleQueueFilter.NONE, 1001)).get(0).plan())
                .contains("reading_org_implausible");
        JdbiChangesetRepository changesets = new JdbiChangesetRepository(db.transactions);
        var pending = run(x -> changesets.findPending(ORG, ChangesetQueueFilter.NONE,
                new ChangesetQueuePosition(T0, io.metering.domain.changeset.ChangesetId.random()), 51));
        assertThat(pending.get(0).plan()).contains("changeset_org_created");
        run(x -> changesets.countPending(ORG, new ChangesetQueueFilter(METER, null, ReadingSource.ECP, T0, null), 1001));
    }
}
