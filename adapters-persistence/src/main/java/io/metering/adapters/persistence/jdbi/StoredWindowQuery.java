package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.StoredWindow;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What is stored in windows of series ({@link StoredWindow}): per window a range scan of the
 * primary key and two probes just outside it, all windows in one statement. A batch of creates
 * asks it once instead of the echo range query and the span query apart.
 */
final class StoredWindowQuery {
    /** The reading columns, qualified (the lateral form sees the window's columns of the same names). */
    private static final String COLUMNS = Arrays.stream(ReadingRows.COLUMNS.split(","))
            .map(c -> "r." + c.trim()).collect(Collectors.joining(", "));

    /**
     * Rows of one window: part 0 inside it, -1 the plausible reading just before, 1 just after.
     * {@code %2$s} etc. name the window's series and bounds: scalar parameters or the unnested row.
     */
    private static final String PARTS = """
            (SELECT 0 AS part, %1$s FROM reading r
             WHERE r.org_id = :org AND r.counter_id = %2$s AND r.direction = %3$s AND r.ts >= %4$s AND r.ts <= %5$s)
            UNION ALL
            (SELECT -1 AS part, %1$s FROM reading r
             WHERE r.org_id = :org AND r.counter_id = %2$s AND r.direction = %3$s AND r.ts < %4$s AND r.%6$s
             ORDER BY r.ts DESC LIMIT 1)
            UNION ALL
            (SELECT 1 AS part, %1$s FROM reading r
             WHERE r.org_id = :org AND r.counter_id = %2$s AND r.direction = %3$s AND r.ts > %5$s AND r.%6$s
             ORDER BY r.ts ASC LIMIT 1)
            """;

    /**
     * A single window (a request's batch usually names one series), with scalar parameters: on a
     * hypertable the chunks outside the window are excluded at plan time.
     */
    private static final String ONE = "SELECT 1 AS i, x.* FROM (" + PARTS.formatted(COLUMNS, "CAST(:counterId AS uuid)", ":direction",
            "CAST(:from AS timestamptz)", "CAST(:to AS timestamptz)", ReadingRows.PLAUSIBLE) + ") x";

    private static final String MANY = """
            SELECT s.i, x.* FROM unnest(CAST(:counterIds AS uuid[]), CAST(:directions AS text[]), CAST(:froms AS timestamptz[]),
                                        CAST(:tos AS timestamptz[])) WITH ORDINALITY AS s(counter_id, direction, lo, hi, i)
            CROSS JOIN LATERAL (%s) x
            """.formatted(PARTS.formatted(COLUMNS, "s.counter_id", "s.direction", "s.lo", "s.hi", ReadingRows.PLAUSIBLE));

    private StoredWindowQuery() {}

    /** A row: its window's position (from 1), its part and its reading. */
    private record Row(int window, int part, Reading reading) {}

    /** @throws IllegalArgumentException if two windows name the same series */
    static Map<SeriesKey, StoredWindow> run(Handle h, OrganizationId org, List<SeriesSpan> windows) {
        Set<SeriesKey> seen = new HashSet<>();
        for (SeriesSpan w : windows) {
            if (!seen.add(w.series())) {
                throw new IllegalArgumentException("two windows of series " + w.series());
            }
        }
        if (windows.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = SpanQuery.bound(h, ONE, MANY, windows).bind("org", org.value())
                .map((rs, ctx) -> new Row(rs.getInt("i"), rs.getInt("part"), ReadingRows.map(rs)))
                .list();
        List<List<Reading>> inside = new ArrayList<>(windows.size());
        List<SeriesPoint[]> outside = new ArrayList<>(windows.size());
        for (int k = 0; k < windows.size(); k++) {
            inside.add(new ArrayList<>());
            outside.add(new SeriesPoint[2]);
        }
        for (Row row : rows) {
            int k = row.window() - 1;
            if (row.part() == 0) {
                inside.get(k).add(row.reading());
            } else {
                outside.get(k)[row.part() < 0 ? 0 : 1] = row.reading().point();
            }
        }
        Map<SeriesKey, StoredWindow> out = new HashMap<>();
        for (int k = 0; k < windows.size(); k++) {
            List<Reading> stored = inside.get(k);
            stored.sort(Comparator.comparing(Reading::timestamp));
            out.put(windows.get(k).series(), new StoredWindow(windows.get(k), stored, Optional.ofNullable(outside.get(k)[0]),
                    Optional.ofNullable(outside.get(k)[1])));
        }
        return out;
    }
}
