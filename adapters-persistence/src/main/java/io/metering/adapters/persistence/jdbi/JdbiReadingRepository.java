package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.Neighbours;
import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.application.port.out.ReadingMatch;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link ReadingRepository} over the {@code reading} table. Writes of any size are one statement
 * per {@value #CHUNK} readings ({@code INSERT ... SELECT FROM unnest(arrays)}); neighbour lookups
 * are one statement for any number of probes. Every statement names the organization.
 */
public final class JdbiReadingRepository implements ReadingRepository {
    /** Readings per write statement: bounds the size of one statement's array parameters. */
    static final int CHUNK = 5_000;

    private static final String INSERT = "INSERT INTO reading (org_id, " + ReadingRows.COLUMNS + ")"
            + " SELECT :org, u.* FROM " + ReadingRows.UNNEST;

    private static final String UPSERT = INSERT + " ON CONFLICT (org_id, counter_id, direction, ts) DO UPDATE SET"
            + " value = EXCLUDED.value, meter_id = EXCLUDED.meter_id, source = EXCLUDED.source, reason = EXCLUDED.reason,"
            + " read_by = EXCLUDED.read_by, status = EXCLUDED.status, external_id = EXCLUDED.external_id,"
            + " remark = EXCLUDED.remark, note = EXCLUDED.note, unit = EXCLUDED.unit, metadata = EXCLUDED.metadata,"
            + " created_at = EXCLUDED.created_at";

    private static final String KEYS = "unnest(CAST(:counterIds AS uuid[]), CAST(:directions AS text[]),"
            + " CAST(:timestamps AS timestamptz[])) AS k(counter_id, direction, ts)";

    private static final String KEY_MATCHES = "r.org_id = :org AND r.counter_id = k.counter_id AND r.direction = k.direction"
            + " AND r.ts = k.ts";

    /**
     * One row per probe: the nearest plausible reading strictly before and strictly after it, each
     * found by a backward or forward scan of the primary key that stops at the first row that is
     * neither implausible nor excluded.
     */
    private static final String NEIGHBOURS = """
            WITH x AS MATERIALIZED (
                SELECT * FROM unnest(CAST(:xCounterIds AS uuid[]), CAST(:xDirections AS text[]),
                                     CAST(:xTimestamps AS timestamptz[])) AS x(counter_id, direction, ts))
            SELECT p.i,
                   prev.ts AS prev_ts, prev.value AS prev_value, prev.reason AS prev_reason, prev.status AS prev_status,
                   nxt.ts AS next_ts, nxt.value AS next_value, nxt.reason AS next_reason, nxt.status AS next_status
            FROM unnest(CAST(:counterIds AS uuid[]), CAST(:directions AS text[]), CAST(:below AS timestamptz[]),
                        CAST(:above AS timestamptz[])) WITH ORDINALITY AS p(counter_id, direction, below, above, i)
            LEFT JOIN LATERAL (
                SELECT r.ts, r.value, r.reason, r.status FROM reading r
                WHERE r.org_id = :org AND r.counter_id = p.counter_id AND r.direction = p.direction AND r.ts < p.below
                  AND r.%1$s
                  AND NOT EXISTS (SELECT 1 FROM x WHERE x.counter_id = r.counter_id AND x.direction = r.direction AND x.ts = r.ts)
                ORDER BY r.ts DESC LIMIT 1) prev ON true
            LEFT JOIN LATERAL (
                SELECT r.ts, r.value, r.reason, r.status FROM reading r
                WHERE r.org_id = :org AND r.counter_id = p.counter_id AND r.direction = p.direction AND r.ts > p.above
                  AND r.%1$s
                  AND NOT EXISTS (SELECT 1 FROM x WHERE x.counter_id = r.counter_id AND x.direction = r.direction AND x.ts = r.ts)
                ORDER BY r.ts ASC LIMIT 1) nxt ON true
            """.formatted(ReadingRows.PLAUSIBLE);

    private final JdbiTransactions db;

    /** @param db the transactions the repository joins */
    public JdbiReadingRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** {@inheritDoc} A stored key, or a key twice in the list, fails the statement. */
    @Override
    public void insert(OrganizationId org, List<Reading> readings) {
        write(org, readings, INSERT);
    }

    /** {@inheritDoc} When the list holds a key twice, the later reading wins. */
    @Override
    public void upsert(OrganizationId org, List<Reading> readings) {
        // ON CONFLICT DO UPDATE may not touch one row twice in a statement
        Map<ReadingKey, Reading> last = new LinkedHashMap<>();
        readings.forEach(r -> last.put(r.key(), r));
        write(org, List.copyOf(last.values()), UPSERT);
    }

    private void write(OrganizationId org, List<Reading> readings, String sql) {
        if (readings.isEmpty()) {
            return;
        }
        db.write(h -> {
            for (int from = 0; from < readings.size(); from += CHUNK) {
                List<Reading> chunk = readings.subList(from, Math.min(readings.size(), from + CHUNK));
                ReadingRows.bindArrays(h.createUpdate(sql), chunk).bind("org", org.value()).execute();
            }
            return null;
        });
    }

    @Override
    public int delete(OrganizationId org, Collection<ReadingKey> keys) {
        List<ReadingKey> storable = storable(keys);
        if (storable.isEmpty()) {
            return 0;
        }
        // One primary-key DELETE per key in one batch: its plan never depends on table statistics,
        // unlike a join with the key list, which a not yet analyzed table can turn into a scan of
        // the whole organization per key.
        return db.write(h -> {
            PreparedBatch batch = h.prepareBatch("DELETE FROM reading WHERE org_id = :org AND counter_id = CAST(:counterId AS uuid)"
                    + " AND direction = :direction AND ts = CAST(:ts AS timestamptz)");
            for (ReadingKey k : storable) {
                batch.bind("org", org.value()).bind("counterId", k.series().counterId().toString())
                        .bind("direction", k.series().direction().code()).bind("ts", SqlInstants.stored(k.timestamp())).add();
            }
            return IntStream.of(batch.execute()).sum();
        });
    }

    @Override
    public Map<ReadingKey, Reading> findByKeys(OrganizationId org, Collection<ReadingKey> keys) {
        List<ReadingKey> storable = storable(keys);
        if (storable.isEmpty()) {
            return Map.of();
        }
        // LATERAL drives the lookups from the key list, so each is a primary-key probe whatever the
        // planner believes about the table's size; LIMIT 1 (a key matches at most one row) keeps
        // the planner from flattening the subquery back into a join it may order the other way
        List<Reading> found = db.read(h -> bindKeys(h.createQuery("SELECT " + ReadingRows.columns("r") + " FROM (SELECT DISTINCT * FROM " + KEYS
                + ") k CROSS JOIN LATERAL (SELECT * FROM reading r WHERE " + KEY_MATCHES + " LIMIT 1) r"), org, storable)
                .map((rs, ctx) -> ReadingRows.map(rs))
                .list());
        Map<ReadingKey, Reading> out = new HashMap<>();
        found.forEach(r -> out.put(r.key(), r));
        return out;
    }

    @Override
    public Map<NeighbourProbe, Neighbours> neighbours(OrganizationId org, Collection<NeighbourProbe> probes,
            Collection<ReadingKey> excluded) {
        List<NeighbourProbe> distinct = probes.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        List<ReadingKey> skip = storable(excluded);
        List<Map.Entry<NeighbourProbe, Neighbours>> found = db.read(h -> h.createQuery(NEIGHBOURS)
                .bind("org", org.value())
                .bind("counterIds", TextArray.of(distinct, p -> p.series().counterId().toString()))
                .bind("directions", TextArray.of(distinct, p -> p.series().direction().code()))
                .bind("below", TextArray.of(distinct, p -> SqlInstants.ceiling(p.timestamp())))
                .bind("above", TextArray.of(distinct, p -> SqlInstants.floor(p.timestamp())))
                .bind("xCounterIds", TextArray.of(skip, k -> k.series().counterId().toString()))
                .bind("xDirections", TextArray.of(skip, k -> k.series().direction().code()))
                .bind("xTimestamps", TextArray.of(skip, k -> SqlInstants.stored(k.timestamp())))
                .map((rs, ctx) -> Map.entry(distinct.get(rs.getInt("i") - 1), new Neighbours(
                        Optional.ofNullable(ReadingRows.point(rs, "prev_")), Optional.ofNullable(ReadingRows.point(rs, "next_")))))
                .list());
        Map<NeighbourProbe, Neighbours> out = new HashMap<>();
        found.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** {@inheritDoc} One statement of three primary-key probes per span. */
    @Override
    public Optional<Map<SeriesKey, SpanNeighbours>> around(OrganizationId org, Collection<SeriesSpan> spans) {
        return Optional.of(db.read(h -> SpanQuery.run(h, org, spans)));
    }

    /** {@inheritDoc} Matches of the same shape (the same criteria given) share one statement. */
    @Override
    public List<List<Reading>> findMatching(OrganizationId org, List<ReadingMatch> matches) {
        return db.read(h -> ReadingMatchQuery.run(h, org, matches));
    }

    @Override
    public PruneCounts prune(OrganizationId org, PruneScope scope, boolean dryRun) {
        return dryRun ? db.read(h -> PruneQuery.run(h, org, scope, true)) : db.write(h -> PruneQuery.run(h, org, scope, false));
    }

    @Override
    public List<Reading> pruneReturning(OrganizationId org, PruneScope scope) {
        return db.write(h -> PruneQuery.deleteReturning(h, org, scope));
    }

    /** Keys whose instant a stored reading can have; the others select nothing. */
    private static List<ReadingKey> storable(Collection<ReadingKey> keys) {
        return keys.stream().filter(k -> SqlInstants.isWholeMillisecond(k.timestamp())).toList();
    }

    private static <S extends SqlStatement<S>> S bindKeys(S statement, OrganizationId org,
            List<ReadingKey> keys) {
        return statement
                .bind("org", org.value())
                .bind("counterIds", TextArray.of(keys, k -> k.series().counterId().toString()))
                .bind("directions", TextArray.of(keys, k -> k.series().direction().code()))
                .bind("timestamps", TextArray.of(keys, k -> SqlInstants.stored(k.timestamp())));
    }
}
