package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * {@link ReadingBulkStore} over the {@code reading} table: span neighbours in one statement of
 * primary-key probes, appends by {@code COPY ... FROM STDIN}, PostgreSQL's fastest way in (about
 * twice the rows per second of multi-row inserts here; see docs/benchmarks.md).
 */
public final class JdbiReadingBulkStore implements ReadingBulkStore {
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

    private static final String COPY = "COPY reading (org_id, " + ReadingRows.COLUMNS + ") FROM STDIN";

    /** Bytes buffered before they go to the server. */
    private static final int COPY_BUFFER = 1 << 16;

    private final JdbiTransactions db;

    /** @param db the transactions the store joins */
    public JdbiReadingBulkStore(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Map<SeriesKey, SpanNeighbours> around(OrganizationId org, Collection<SeriesSpan> spans) {
        List<SeriesSpan> list = List.copyOf(spans);
        if (list.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<SeriesKey, SpanNeighbours>> rows = db.read(h -> h.createQuery(AROUND)
                .bind("org", org.value())
                .bindArray("counterIds", String.class, list.stream().map(s -> s.series().counterId().toString()).toList())
                .bindArray("directions", String.class, list.stream().map(s -> s.series().direction().code()).toList())
                .bindArray("froms", String.class, list.stream().map(s -> SqlInstants.ceiling(s.from())).toList())
                .bindArray("tos", String.class, list.stream().map(s -> SqlInstants.floor(s.to())).toList())
                .map((rs, ctx) -> Map.entry(list.get(rs.getInt("i") - 1).series(), new SpanNeighbours(
                        Optional.ofNullable(ReadingRows.point(rs, "prev_")), Optional.ofNullable(ReadingRows.point(rs, "next_")),
                        rs.getBoolean("occupied"))))
                .list());
        Map<SeriesKey, SpanNeighbours> out = new HashMap<>();
        // a series named by two spans is occupied if either span is, and sees the outermost neighbours
        rows.forEach(e -> out.merge(e.getKey(), e.getValue(), (a, b) -> new SpanNeighbours(
                earlier(a, b), later(a, b), a.occupied() || b.occupied())));
        return out;
    }

    private static Optional<io.metering.domain.reading.SeriesPoint> earlier(SpanNeighbours a, SpanNeighbours b) {
        if (a.before().isEmpty() || b.before().isEmpty()) {
            return a.before().isEmpty() ? a.before() : b.before();
        }
        return a.before().get().timestamp().isBefore(b.before().get().timestamp()) ? a.before() : b.before();
    }

    private static Optional<io.metering.domain.reading.SeriesPoint> later(SpanNeighbours a, SpanNeighbours b) {
        if (a.after().isEmpty() || b.after().isEmpty()) {
            return a.after().isEmpty() ? a.after() : b.after();
        }
        return a.after().get().timestamp().isAfter(b.after().get().timestamp()) ? a.after() : b.after();
    }

    @Override
    public void append(OrganizationId org, List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        db.write(h -> {
            copy(h, org, readings);
            return null;
        });
    }

    private static void copy(Handle h, OrganizationId org, List<Reading> readings) {
        try {
            PGConnection pg = h.getConnection().unwrap(PGConnection.class);
            try (PGCopyOutputStream out = new PGCopyOutputStream(pg, COPY, COPY_BUFFER)) {
                CopyText text = new CopyText(out);
                String orgText = org.value();
                for (Reading r : readings) {
                    text.row(orgText, r);
                }
                text.flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into reading failed: " + e.getMessage(), e);
        } catch (IOException e) {
            // PGCopyOutputStream reports the server's refusal (a duplicate key, a check) as the cause of an IOException
            throw new UncheckedIOException("COPY into reading failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
