package io.metering.adapters.persistence.jdbi;

import io.metering.adapters.persistence.json.JsonValues;
import io.metering.application.port.out.ReadingMatch;
import io.metering.domain.reading.Reading;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Finds the readings {@link ReadingMatch}es select (docs/domain.md#batch-v2-and-prune: identifiers).
 * Matches that give the same criteria form one group, answered by one statement that joins the
 * criteria, unnested from arrays, to the readings on exactly the given columns, so the planner can
 * use the primary key or the meter/external-id index. A batch usually has one shape, hence one
 * statement. Key probes of a single series (a batch of one counter with the default identifiers)
 * are one index scan of that series instead of one probe per match ({@link #seriesProbe}).
 */
final class ReadingMatchQuery {
    /** Which criteria a match gives. */
    private record Shape(boolean meter, boolean counter, boolean direction, boolean timestamp, boolean externalId,
            boolean metadata) {
        static Shape of(ReadingMatch m) {
            return new Shape(m.meterId() != null, m.counterId() != null, m.direction() != null, m.timestamp() != null,
                    m.externalId() != null, !m.metadata().isEmpty());
        }

        /** The whole key and no other criterion but the meter: a match selects at most the reading stored at its key. */
        boolean probesKey() {
            return counter && direction && timestamp && !externalId && !metadata;
        }
    }

    /**
     * The readings of one series at any of the given instants: one scan of the primary key over the
     * instants' range, the instants as an array key (PostgreSQL 17 walks them in one pass; older
     * servers descend once per instant, inside one scan). The range, scalar parameters, lets
     * TimescaleDB exclude the chunks outside it when the generic plan starts.
     */
    private static final String SERIES_PROBE = "SELECT " + ReadingRows.COLUMNS + " FROM reading"
            + " WHERE org_id = :org AND counter_id = CAST(:counterId AS uuid) AND direction = :direction"
            + " AND ts >= CAST(:from AS timestamptz) AND ts <= CAST(:to AS timestamptz)"
            + " AND ts = ANY(CAST(:timestamps AS timestamptz[]))";

    /** One criterion: its column, SQL type, comparison and value. */
    private record Criterion(String column, String type, String comparison, Function<ReadingMatch, String> value) {}

    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("meter_id", "uuid", "=", m -> m.meterId() == null ? null : m.meterId().toString()),
            new Criterion("counter_id", "uuid", "=", m -> m.counterId() == null ? null : m.counterId().toString()),
            new Criterion("direction", "text", "=", m -> m.direction() == null ? null : m.direction().code()),
            new Criterion("ts", "timestamptz", "=", m -> SqlInstants.storedOrNull(m.timestamp())),
            new Criterion("external_id", "text", "=", ReadingMatch::externalId),
            // containment: every given entry is present with the given value
            new Criterion("metadata", "jsonb", "@>", m -> m.metadata().isEmpty() ? null : JsonValues.writeStrings(m.metadata())));

    /** The statement of each shape: there are at most 64, and building one per request showed in the profile. */
    private static final Map<Shape, String> SQL = new ConcurrentHashMap<>();

    /** The primary-key columns after {@code org_id}. */
    private static final List<String> KEY_COLUMNS = List.of("counter_id", "direction", "ts");

    private ReadingMatchQuery() {}

    private static boolean isFullKey(List<Criterion> given) {
        return given.stream().map(Criterion::column).toList().containsAll(KEY_COLUMNS);
    }

    /**
     * @return for each match, the readings it selects ordered by timestamp, then counter id, then
     *     direction
     * @throws IllegalArgumentException if a match is empty (it would select every reading)
     */
    static List<List<Reading>> run(Handle h, OrganizationId org, List<ReadingMatch> matches) {
        List<List<Reading>> results = new ArrayList<>();
        Map<Shape, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < matches.size(); i++) {
            ReadingMatch m = matches.get(i);
            if (m.isEmpty()) {
                throw new IllegalArgumentException("reading match " + i + " gives no criterion");
            }
            results.add(new ArrayList<>());
            // a stored instant is a whole millisecond, so a finer one selects nothing
            if (m.timestamp() == null || SqlInstants.isWholeMillisecond(m.timestamp())) {
                groups.computeIfAbsent(Shape.of(m), s -> new ArrayList<>()).add(i);
            }
        }
        groups.forEach((shape, indexes) -> {
            List<ReadingMatch> group = indexes.stream().map(matches::get).toList();
            if (shape.probesKey() && oneSeries(group)) {
                seriesProbe(h, org, group, indexes, results);
                return;
            }
            query(h, org, shape, group)
                    .map((rs, ctx) -> Map.entry(indexes.get(rs.getInt("i") - 1), ReadingRows.map(rs)))
                    .list()
                    .forEach(found -> results.get(found.getKey()).add(found.getValue()));
        });
        return results.stream().map(List::copyOf).toList();
    }

    private static boolean oneSeries(List<ReadingMatch> group) {
        ReadingMatch first = group.get(0);
        for (ReadingMatch m : group) {
            if (!m.counterId().equals(first.counterId()) || m.direction() != first.direction()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Answers key probes of one series with {@link #SERIES_PROBE}: the reading stored at a match's
     * instant is its answer if it also meets the match's meter (a stored key holds one reading).
     */
    private static void seriesProbe(Handle h, OrganizationId org, List<ReadingMatch> group, List<Integer> indexes,
            List<List<Reading>> results) {
        ReadingMatch first = group.get(0);
        Instant from = first.timestamp();
        Instant to = from;
        String[] timestamps = new String[group.size()];
        for (int k = 0; k < timestamps.length; k++) {
            Instant t = group.get(k).timestamp();
            timestamps[k] = SqlInstants.stored(t);
            from = t.isBefore(from) ? t : from;
            to = t.isAfter(to) ? t : to;
        }
        Map<Instant, Reading> stored = new HashMap<>();
        h.createQuery(SERIES_PROBE)
                .bind("org", org.value())
                .bind("counterId", first.counterId().toString())
                .bind("direction", first.direction().code())
                .bind("from", SqlInstants.stored(from))
                .bind("to", SqlInstants.stored(to))
                .bind("timestamps", TextArray.of(timestamps))
                .map((rs, ctx) -> ReadingRows.map(rs))
                .forEach(r -> stored.put(r.timestamp(), r));
        for (int k = 0; k < group.size(); k++) {
            Reading r = stored.get(group.get(k).timestamp());
            if (r != null && group.get(k).selects(r)) {
                results.get(indexes.get(k)).add(r);
            }
        }
    }

    private static Query query(Handle h, OrganizationId org, Shape shape, List<ReadingMatch> group) {
        List<Criterion> given = given(group.get(0));
        Query q = h.createQuery(SQL.computeIfAbsent(shape, s -> sql(given))).bind("org", org.value());
        for (Criterion c : given) {
            q.bind(c.column(), TextArray.of(group, c.value()));
        }
        return q;
    }

    /** The criteria a match gives: the same for every match of one {@link Shape}. */
    private static List<Criterion> given(ReadingMatch m) {
        return CRITERIA.stream().filter(c -> c.value().apply(m) != null).toList();
    }

    /** The statement of one shape's criteria (built once per shape, {@link #SQL}). */
    private static String sql(List<Criterion> given) {
        List<String> arrays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> conditions = new ArrayList<>(List.of("r.org_id = :org"));
        for (Criterion c : given) {
            arrays.add("CAST(:" + c.column() + " AS " + c.type() + "[])");
            names.add(c.column());
            conditions.add("r." + c.column() + " " + c.comparison() + " m." + c.column());
        }
        String from = " FROM unnest(" + String.join(", ", arrays) + ") WITH ORDINALITY AS m(" + String.join(", ", names) + ", i)";
        if (isFullKey(given)) {
            // The whole primary key is given (the default identifiers): probe it once per match from
            // inside a LATERAL subquery that names only key columns, so the pooled connections'
            // generic plan is a primary-key probe per match even when it was planned while the table
            // was empty. A plain join planned then scans the organization's whole key range once per
            // request (measured: 47,000 index entries read per request of 100, 58 ms, at 200,000
            // rows). LIMIT 1 (a key matches at most one row) keeps the subquery from being pulled
            // up into a join; the other criteria filter the probed row outside it.
            List<String> keyConditions = new ArrayList<>(List.of("r.org_id = :org"));
            List<String> otherConditions = new ArrayList<>();
            for (Criterion c : given) {
                String condition = "r." + c.column() + " " + c.comparison() + " m." + c.column();
                (KEY_COLUMNS.contains(c.column()) ? keyConditions : otherConditions).add(condition);
            }
            return "SELECT m.i, " + ReadingRows.columns("r") + from
                    + " CROSS JOIN LATERAL (SELECT * FROM reading r WHERE " + String.join(" AND ", keyConditions) + " LIMIT 1) r"
                    + (otherConditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", otherConditions))
                    + " ORDER BY m.i, r.ts, r.counter_id, r.direction";
        }
        return "SELECT m.i, " + ReadingRows.columns("r") + from
                + " JOIN reading r ON " + String.join(" AND ", conditions)
                + " ORDER BY m.i, r.ts, r.counter_id, r.direction";
    }
}
