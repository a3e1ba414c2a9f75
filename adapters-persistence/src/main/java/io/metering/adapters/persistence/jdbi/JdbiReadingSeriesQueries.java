package io.metering.adapters.persistence.jdbi;

import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.PageRequest;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.ScopedWindow;
import io.metering.application.port.out.SeriesWindow;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * {@link ReadingSeriesQueries} over the {@code reading} table. Each question is a range scan of the
 * primary key {@code (org_id, counter_id, direction, ts)}: questions about one series scan it
 * directly; questions about both directions of a counter scan each direction and merge, so results
 * come ordered from the index without sorting the counter's history.
 */
public final class JdbiReadingSeriesQueries implements ReadingSeriesQueries {
    private static final String SERIES = "org_id = :org AND counter_id = CAST(:counterId AS uuid) AND direction = :direction";

    /** Rows of one direction in a range; the merge of two of these keeps index order. */
    private static final String RANGE_BRANCH = "(SELECT " + ReadingRows.COLUMNS + " FROM reading"
            + " WHERE org_id = :org AND counter_id = CAST(:counterId AS uuid) AND direction = '%s'"
            + " AND ts >= CAST(:from AS timestamptz) AND ts <= CAST(:to AS timestamptz) ORDER BY ts %s%s)";

    /** The readings of the range, all of them. */
    private static final String COUNT = "SELECT count(*) FROM reading WHERE org_id = :org AND counter_id = CAST(:counterId AS uuid)"
            + " AND direction = ANY(CAST(:directions AS text[]))"
            + " AND ts >= CAST(:from AS timestamptz) AND ts <= CAST(:to AS timestamptz)";

    /** The earliest instant of each direction, each from the head of its key range. */
    private static final String FIRST_TIMESTAMP = """
            SELECT min(f.ts) FROM unnest(CAST(:directions AS text[])) AS d(direction)
            CROSS JOIN LATERAL (SELECT ts FROM reading r
                                WHERE r.org_id = :org AND r.counter_id = CAST(:counterId AS uuid) AND r.direction = d.direction
                                ORDER BY ts LIMIT 1) f
            """;

    /** Per counter, the latest plausible reading of each direction, then the latest of those. */
    private static final String LATEST_PLAUSIBLE = "SELECT l.* FROM unnest(CAST(:counterIds AS uuid[])) AS c(id) CROSS JOIN LATERAL ("
            + " SELECT * FROM (" + Arrays.stream(Direction.values())
                    .map(d -> "(SELECT " + ReadingRows.columns("r") + " FROM reading r WHERE r.org_id = :org AND r.counter_id = c.id"
                            + " AND r.direction = '" + d.code() + "' AND r." + ReadingRows.PLAUSIBLE + " ORDER BY r.ts DESC LIMIT 1)")
                    .collect(Collectors.joining(" UNION ALL "))
            + ") latest ORDER BY ts DESC, direction DESC LIMIT 1) l";

    /** Rows a stream holds at a time: a few hundred kilobytes. */
    static final int STREAM_FETCH_SIZE = 1000;

    private final JdbiTransactions db;

    /** @param db the transactions the repository joins */
    public JdbiReadingSeriesQueries(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<Reading> range(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to,
            SortOrder sort, PageRequest page) {
        if (page.limit() == 0) {
            return List.of();
        }
        return db.read(h -> h.createQuery(rangeSql(direction, sort, page))
                .bind("org", org.value())
                .bind("counterId", counterId.toString())
                .bind("from", SqlInstants.ceiling(from))
                .bind("to", SqlInstants.floor(to))
                .map((rs, ctx) -> ReadingRows.map(rs))
                .list());
    }

    /**
     * {@inheritDoc} One statement: the window, then its count when the window does not tell it
     * ({@code CASE} evaluates the full count's subplan only then), and the first timestamp. Rows come
     * in window order, each carrying the two totals; an empty window still yields one row of totals.
     */
    @Override
    public SeriesWindow window(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to,
            SortOrder sort, PageRequest page) {
        if (page.limit() == 0) {
            return new SeriesWindow(List.of(), count(org, counterId, direction, from, to), firstTimestamp(org, counterId, direction));
        }
        String sql = windowSql(direction, sort, page, "", "");
        List<Reading> rows = new ArrayList<>();
        long[] total = new long[1];
        Instant[] first = new Instant[1];
        db.read(h -> h.createQuery(sql)
                .bind("org", org.value())
                .bind("counterId", counterId.toString())
                .bind("from", SqlInstants.ceiling(from))
                .bind("to", SqlInstants.floor(to))
                .bind("directions", TextArray.of(codes(direction)))
                .map((rs, ctx) -> {
                    total[0] = rs.getLong("hits");
                    first[0] = SqlInstants.read(rs, "first");
                    return rs.getObject("counter_id") == null ? null : ReadingRows.map(rs);
                })
                .list())
                .stream()
                .filter(Objects::nonNull)
                .forEach(rows::add);
        return new SeriesWindow(rows, total[0], Optional.ofNullable(first[0]));
    }

    /**
     * {@inheritDoc} One statement, hence one snapshot: {@link #window}'s, with the meter and the
     * counter (of that meter) joined to its totals row and repeated on no other row. The page costs
     * one round trip instead of five (snapshot, meter, counter, page, commit).
     */
    @Override
    public Optional<ScopedWindow> scopedWindow(OrganizationId org, MeterId meterId, CounterId counterId, Optional<Direction> direction,
            Instant from, Instant to, SortOrder sort, PageRequest page, boolean predecessors) {
        if (page.limit() == 0) {
            return Optional.empty();
        }
        String first = "coalesce(page.n, 1) = 1";
        List<Direction> before = predecessors ? direction.map(List::of).orElse(List.of(Direction.values())) : List.of();
        String sql = windowSql(direction, sort, page, ", " + MeterRows.prefixed("m", "m_", first) + ", " + CounterRows.prefixed("c", "c_", first)
                        + before.stream().map(d -> ", " + predecessorAlias(d) + ".*").collect(Collectors.joining()),
                " LEFT JOIN meter m ON m.org_id = :org AND m.id = CAST(:meterId AS uuid)"
                        + " LEFT JOIN counter c ON c.org_id = :org AND c.id = CAST(:counterId AS uuid) AND c.meter_id = CAST(:meterId AS uuid)"
                        + before.stream().map(JdbiReadingSeriesQueries::predecessorJoin).collect(Collectors.joining()));
        List<Reading> rows = new ArrayList<>();
        long[] total = new long[1];
        Instant[] firstTimestamp = new Instant[1];
        Object[] scope = new Object[2];
        Map<Direction, SeriesPoint> points = new EnumMap<>(Direction.class);
        boolean[] firstRow = {true};
        db.read(h -> h.createQuery(sql)
                .bind("org", org.value())
                .bind("meterId", meterId.toString())
                .bind("counterId", counterId.toString())
                .bind("from", SqlInstants.ceiling(from))
                .bind("to", SqlInstants.floor(to))
                .bind("directions", TextArray.of(codes(direction)))
                .map((rs, ctx) -> {
                    if (firstRow[0]) { // the totals, the meter and the counter come on the first row
                        firstRow[0] = false;
                        total[0] = rs.getLong("hits");
                        firstTimestamp[0] = SqlInstants.read(rs, "first");
                        scope[0] = rs.getObject("m_id") == null ? null : MeterRows.map(rs, "m_");
                        scope[1] = rs.getObject("c_id") == null ? null : CounterRows.map(rs, "c_");
                        for (Direction d : before) {
                            SeriesPoint point = ReadingRows.point(rs, predecessorAlias(d) + "_");
                            if (point != null) {
                                points.put(d, point);
                            }
                        }
                    }
                    return rs.getObject("counter_id") == null ? null : ReadingRows.map(rs);
                })
                .list())
                .stream()
                .filter(Objects::nonNull)
                .forEach(rows::add);
        return Optional.of(new ScopedWindow(Optional.ofNullable((Meter) scope[0]), Optional.ofNullable((Counter) scope[1]),
                new SeriesWindow(rows, total[0], Optional.ofNullable(firstTimestamp[0])), points));
    }

    private static String predecessorAlias(Direction d) {
        return "p" + d.ordinal();
    }

    /**
     * The last plausible point of direction {@code d} strictly before the page's earliest reading of
     * it, as columns {@code p<ordinal>_ts, _value, _reason, _status} (none when the page has no
     * reading of {@code d}: {@code ts < NULL} holds for no row).
     */
    private static String predecessorJoin(Direction d) {
        String alias = predecessorAlias(d);
        return " LEFT JOIN LATERAL (SELECT " + Arrays.stream(ReadingRows.POINT_COLUMNS.split(", "))
                        .map(col -> col + " AS " + alias + "_" + col).collect(Collectors.joining(", "))
                + " FROM reading WHERE org_id = :org AND counter_id = CAST(:counterId AS uuid) AND direction = '" + d.code() + "'"
                + " AND " + ReadingRows.PLAUSIBLE + " AND ts < (SELECT min(ts) FROM page WHERE page.direction = '" + d.code() + "')"
                + " ORDER BY ts DESC LIMIT 1) " + alias + " ON true";
    }

    /**
     * The window statement of {@link #window}: the page, then its count when the page does not tell
     * it, and the first timestamp, with {@code columns} and {@code joins} added to the totals row.
     */
    private static String windowSql(Optional<Direction> direction, SortOrder sort, PageRequest page, String columns, String joins) {
        String hits = page.offset() == 0
                ? (page.unlimited() ? "(SELECT count(*) FROM page)"
                        : "CASE WHEN (SELECT count(*) FROM page) < " + page.limit() + " THEN (SELECT count(*) FROM page)"
                                + " ELSE (" + COUNT + ") END")
                : "(" + COUNT + ")";
        return "WITH page AS MATERIALIZED (SELECT r.*, row_number() OVER () AS n FROM (" + rangeSql(direction, sort, page) + ") r)"
                + " SELECT page.*, t.hits, t.first" + columns + " FROM (SELECT " + hits + " AS hits, (" + FIRST_TIMESTAMP + ") AS first) t"
                + joins + " LEFT JOIN page ON true ORDER BY page.n";
    }

    /**
     * One branch per direction; each branch is limited to offset + limit rows, enough for the window
     * of the merged order (timestamp, then direction).
     */
    private static String rangeSql(Optional<Direction> direction, SortOrder sort, PageRequest page) {
        String order = sort == SortOrder.ASC ? "ASC" : "DESC";
        // saturate: a huge offset from a client must not wrap around into a negative LIMIT
        long rowsNeeded = page.offset() > Long.MAX_VALUE - page.limit() ? Long.MAX_VALUE : page.offset() + page.limit();
        String branchLimit = page.unlimited() ? "" : " LIMIT " + rowsNeeded;
        String union = directions(direction).stream()
                .map(d -> RANGE_BRANCH.formatted(d.code(), order, branchLimit))
                .reduce((a, b) -> a + " UNION ALL " + b)
                .orElseThrow();
        return "SELECT * FROM (" + union + ") readings ORDER BY ts " + order + ", direction " + order
                + (page.unlimited() ? "" : " LIMIT " + page.limit()) + " OFFSET " + page.offset();
    }

    /**
     * {@inheritDoc} A cursor of {@value #STREAM_FETCH_SIZE} rows at a time (PostgreSQL's driver reads
     * so inside a transaction), each row joined to its series' last plausible point before it by one
     * index probe; the order is {@link #range}'s, kept from the index through the join.
     */
    @Override
    public void streamRange(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to,
            SortOrder sort, PageRequest page, boolean withPrevious, BiConsumer<Reading, Optional<SeriesPoint>> sink) {
        if (page.limit() == 0) {
            return;
        }
        String order = sort == SortOrder.ASC ? "ASC" : "DESC";
        String sql = withPrevious
                ? "SELECT w.*, p.ts AS p_ts, p.value AS p_value, p.reason AS p_reason, p.status AS p_status FROM ("
                        + rangeSql(direction, sort, page) + ") w LEFT JOIN LATERAL (SELECT " + ReadingRows.POINT_COLUMNS
                        + " FROM reading p WHERE p.org_id = :org AND p.counter_id = CAST(:counterId AS uuid) AND p.direction = w.direction"
                        + " AND p.ts < w.ts AND p." + ReadingRows.PLAUSIBLE + " ORDER BY p.ts DESC LIMIT 1) p ON true"
                        + " ORDER BY w.ts " + order + ", w.direction " + order
                : rangeSql(direction, sort, page);
        db.read(h -> {
            h.createQuery(sql)
                    .bind("org", org.value())
                    .bind("counterId", counterId.toString())
                    .bind("from", SqlInstants.ceiling(from))
                    .bind("to", SqlInstants.floor(to))
                    .setFetchSize(STREAM_FETCH_SIZE)
                    .map((rs, ctx) -> {
                        Optional<SeriesPoint> previous = withPrevious && rs.getObject("p_ts") != null
                                ? Optional.of(ReadingRows.point(rs, "p_"))
                                : Optional.empty();
                        sink.accept(ReadingRows.map(rs), previous);
                        return Boolean.TRUE;
                    })
                    .forEach(done -> { });
            return null;
        });
    }

    @Override
    public long count(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to) {
        return db.read(h -> h.createQuery(COUNT)
                .bind("org", org.value())
                .bind("counterId", counterId.toString())
                .bind("directions", TextArray.of(codes(direction)))
                .bind("from", SqlInstants.ceiling(from))
                .bind("to", SqlInstants.floor(to))
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Optional<java.math.BigDecimal> maxValue(OrganizationId org, CounterId counterId) {
        String max = db.read(h -> h.createQuery("SELECT max(value)::text FROM reading WHERE org_id = :org"
                        + " AND counter_id = CAST(:counter AS uuid)")
                .bind("org", org.value())
                .bind("counter", counterId.toString())
                .mapTo(String.class)
                .one());
        return Optional.ofNullable(max).map(java.math.BigDecimal::new);
    }

    @Override
    public Optional<Instant> firstTimestamp(OrganizationId org, CounterId counterId, Optional<Direction> direction) {
        return db.read(h -> h.createQuery(FIRST_TIMESTAMP)
                .bind("org", org.value())
                .bind("counterId", counterId.toString())
                .bind("directions", TextArray.of(codes(direction)))
                .map((rs, ctx) -> Optional.ofNullable(SqlInstants.read(rs, "min")))
                .one());
    }

    @Override
    public Optional<SeriesPoint> lastPlausibleBefore(OrganizationId org, SeriesKey series, Instant t) {
        return points(org, series, "ts < CAST(:t AS timestamptz)", SqlInstants.ceiling(t), "DESC", 1).stream().findFirst();
    }

    @Override
    public Optional<SeriesPoint> lastPlausibleAtOrBefore(OrganizationId org, SeriesKey series, Instant t) {
        return points(org, series, "ts <= CAST(:t AS timestamptz)", SqlInstants.floor(t), "DESC", 1).stream().findFirst();
    }

    @Override
    public Optional<SeriesPoint> firstPlausibleAfter(OrganizationId org, SeriesKey series, Instant t) {
        return points(org, series, "ts > CAST(:t AS timestamptz)", SqlInstants.floor(t), "ASC", 1).stream().findFirst();
    }

    @Override
    public List<SeriesPoint> recentPlausible(OrganizationId org, SeriesKey series, Instant t, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return limit == 0 ? List.of() : points(org, series, "ts <= CAST(:t AS timestamptz)", SqlInstants.floor(t), "DESC", limit);
    }

    @Override
    public List<SeriesPoint> plausibleBetween(OrganizationId org, SeriesKey series, Instant from, Instant to) {
        return db.read(h -> h.createQuery("SELECT " + ReadingRows.POINT_COLUMNS + " FROM reading WHERE " + SERIES
                        + " AND ts >= CAST(:from AS timestamptz) AND ts <= CAST(:to AS timestamptz) AND " + ReadingRows.PLAUSIBLE
                        + " ORDER BY ts ASC")
                .bind("org", org.value())
                .bind("counterId", series.counterId().toString())
                .bind("direction", series.direction().code())
                .bind("from", SqlInstants.ceiling(from))
                .bind("to", SqlInstants.floor(to))
                .map((rs, ctx) -> ReadingRows.point(rs, ""))
                .list());
    }

    private List<SeriesPoint> points(OrganizationId org, SeriesKey series, String condition, String t, String order, int limit) {
        return db.read(h -> h.createQuery("SELECT " + ReadingRows.POINT_COLUMNS + " FROM reading WHERE " + SERIES + " AND " + condition
                        + " AND " + ReadingRows.PLAUSIBLE + " ORDER BY ts " + order + " LIMIT :limit")
                .bind("org", org.value())
                .bind("counterId", series.counterId().toString())
                .bind("direction", series.direction().code())
                .bind("t", t)
                .bind("limit", limit)
                .map((rs, ctx) -> ReadingRows.point(rs, ""))
                .list());
    }

    @Override
    public Map<CounterId, Reading> latestPlausible(OrganizationId org, Collection<CounterId> counterIds) {
        if (counterIds.isEmpty()) {
            return Map.of();
        }
        Map<CounterId, Reading> out = new HashMap<>();
        db.read(h -> h.createQuery(LATEST_PLAUSIBLE)
                .bind("org", org.value())
                .bind("counterIds", TextArray.of(counterIds.stream().map(CounterId::toString).distinct().toList()))
                .map((rs, ctx) -> ReadingRows.map(rs))
                .list())
                .forEach(r -> out.put(r.counterId(), r));
        return out;
    }

    private static List<Direction> directions(Optional<Direction> direction) {
        return direction.map(List::of).orElse(Arrays.asList(Direction.values()));
    }

    private static List<String> codes(Optional<Direction> direction) {
        return directions(direction).stream().map(Direction::code).toList();
    }

    @Override
    public List<Reading> implausible(OrganizationId org, ImplausibleQueueFilter filter, SortOrder sort, ReadingQueuePosition after,
            int limit) {
        return db.read(h -> ImplausibleReadings.page(h, org, filter, sort, after, limit));
    }

    @Override
    public long countImplausible(OrganizationId org, ImplausibleQueueFilter filter, int cap) {
        return db.read(h -> ImplausibleReadings.count(h, org, filter, cap));
    }
}
