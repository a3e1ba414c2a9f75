package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What is stored around spans of series, for writes checked at their boundaries: per span three
 * primary-key probes (the plausible reading just before, just after, and whether any lies inside),
 * all spans in one statement.
 */
final class SpanQuery {
    /** One row per span: the plausible readings just outside it and whether any reading lies inside. */
    private static final String AROUND = """
            SELECT s.i,
                   prev.ts AS prev_ts, prev.value AS prev_value, prev.reason AS prev_reason, prev.status AS prev_status,
                   nxt.ts AS next_ts, nxt.value AS next_value, nxt.reason AS next_reason, nxt.status AS next_status,
                   inside.found AS occupied
            FROM unnest(CAST(:counterIds AS uuid[]), CAST(:directions AS text[]), CAST(:froms AS timestamptz[]),
                        CAST(:tos AS timestamptz[])) WITH ORDINALITY AS s(counter_id, direction, lo, hi, i)
            LEFT JOIN LATERAL (
                SELECT r.ts, r.value, r.reason, r.status FROM reading r
                WHERE r.org_id = :org AND r.counter_id = s.counter_id AND r.direction = s.direction AND r.ts < s.lo
                  AND r.%1$s
                ORDER BY r.ts DESC LIMIT 1) prev ON true
            LEFT JOIN LATERAL (
                SELECT r.ts, r.value, r.reason, r.status FROM reading r
                WHERE r.org_id = :org AND r.counter_id = s.counter_id AND r.direction = s.direction AND r.ts > s.hi
                  AND r.%1$s
                ORDER BY r.ts ASC LIMIT 1) nxt ON true
            CROSS JOIN LATERAL (
                SELECT EXISTS (SELECT 1 FROM reading r
                               WHERE r.org_id = :org AND r.counter_id = s.counter_id AND r.direction = s.direction
                                 AND r.ts >= s.lo AND r.ts <= s.hi) AS found) inside
            """.formatted(ReadingRows.PLAUSIBLE);

    /**
     * The same for a single span (a request's batch usually names one series), with scalar
     * parameters: it plans in a fraction of the time, and on a hypertable the chunks outside the
     * span are excluded at plan time rather than per probe.
     */
    private static final String AROUND_ONE = """
            SELECT 1 AS i,
                   prev.ts AS prev_ts, prev.value AS prev_value, prev.reason AS prev_reason, prev.status AS prev_status,
                   nxt.ts AS next_ts, nxt.value AS next_value, nxt.reason AS next_reason, nxt.status AS next_status,
                   EXISTS (SELECT 1 FROM reading r
                           WHERE r.org_id = :org AND r.counter_id = CAST(:counterId AS uuid) AND r.direction = :direction
                             AND r.ts >= CAST(:from AS timestamptz) AND r.ts <= CAST(:to AS timestamptz)) AS occupied
            FROM (SELECT 1) AS one
            LEFT JOIN (
                SELECT r.ts, r.value, r.reason, r.status FROM reading r
                WHERE r.org_id = :org AND r.counter_id = CAST(:counterId AS uuid) AND r.direction = :direction
                  AND r.ts < CAST(:from AS timestamptz) AND r.%1$s
                ORDER BY r.ts DESC LIMIT 1) prev ON true
            LEFT JOIN (
                SELECT r.ts, r.value, r.reason, r.status FROM reading r
                WHERE r.org_id = :org AND r.counter_id = CAST(:counterId AS uuid) AND r.direction = :direction
                  AND r.ts > CAST(:to AS timestamptz) AND r.%1$s
                ORDER BY r.ts ASC LIMIT 1) nxt ON true
            """.formatted(ReadingRows.PLAUSIBLE);

    private SpanQuery() {}

    /** @return one entry per distinct series; a series named twice is occupied if either span is */
    static Map<SeriesKey, SpanNeighbours> run(Handle h, OrganizationId org, Collection<SeriesSpan> spans) {
        List<SeriesSpan> list = List.copyOf(spans);
        if (list.isEmpty()) {
            return Map.of();
        }
        Query query;
        if (list.size() == 1) {
            SeriesSpan only = list.get(0);
            query = h.createQuery(AROUND_ONE)
                    .bind("counterId", only.series().counterId().toString())
                    .bind("direction", only.series().direction().code())
                    .bind("from", SqlInstants.ceiling(only.from()))
                    .bind("to", SqlInstants.floor(only.to()));
        } else {
            query = h.createQuery(AROUND)
                    .bind("counterIds", TextArray.of(list, s -> s.series().counterId().toString()))
                    .bind("directions", TextArray.of(list, s -> s.series().direction().code()))
                    .bind("froms", TextArray.of(list, s -> SqlInstants.ceiling(s.from())))
                    .bind("tos", TextArray.of(list, s -> SqlInstants.floor(s.to())));
        }
        List<Map.Entry<SeriesKey, SpanNeighbours>> rows = query
                .bind("org", org.value())
                .map((rs, ctx) -> Map.entry(list.get(rs.getInt("i") - 1).series(), new SpanNeighbours(
                        Optional.ofNullable(ReadingRows.point(rs, "prev_")), Optional.ofNullable(ReadingRows.point(rs, "next_")),
                        rs.getBoolean("occupied"))))
                .list();
        Map<SeriesKey, SpanNeighbours> out = new HashMap<>();
        rows.forEach(e -> out.merge(e.getKey(), e.getValue(), (a, b) -> new SpanNeighbours(
                earlier(a.before(), b.before()), later(a.after(), b.after()), a.occupied() || b.occupied())));
        return out;
    }

    private static Optional<SeriesPoint> earlier(Optional<SeriesPoint> a, Optional<SeriesPoint> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? a : b;
        }
        return a.get().timestamp().isBefore(b.get().timestamp()) ? a : b;
    }

    private static Optional<SeriesPoint> later(Optional<SeriesPoint> a, Optional<SeriesPoint> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? a : b;
        }
        return a.get().timestamp().isAfter(b.get().timestamp()) ? a : b;
    }
}
