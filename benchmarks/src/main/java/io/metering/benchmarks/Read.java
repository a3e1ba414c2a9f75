package io.metering.benchmarks;

import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.application.access.Caller;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.application.port.in.reading.ReadingsRequest;
import io.metering.application.port.in.reading.ValueType;
import io.metering.application.service.reading.ListReadingsService;
import io.metering.application.service.shared.Reach;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import io.metering.domain.time.TimeInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Benchmark 3: getReadingsByInterval, a page of 100 from one counter of a table of at least 10
 * million rows (hourly readings of every counter, stored hour by hour: the time-ordered layout real
 * ingest produces, the harder one for per-counter reads). Each query asks a random counter for a
 * random 30-day window (720 readings, so {@code hits} must be counted past the page). Measured
 * one query at a time, warm, five ways, each first in turn: over HTTP on loopback (cumulative and
 * {@code type=relative}), in process through the use case (server-side time without HTTP, both
 * types), and as the raw SQL query of the same page.
 */
final class Read {
    /**
     * The read table's last hour ends here: the table lies in the past at any size (100,000 hours
     * of the long variant start in 2014), far after the service's earliest plausible reading (1990).
     */
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    static final int WINDOW_HOURS = 720;
    static final int PAGE = 100;

    /**
     * p50/p99 of each way in: over HTTP with the lean client, through the JDK's {@code HttpClient},
     * in process, raw SQL, and the HTTP floor ({@code GET /health}: a round trip through Jetty and
     * Javalin with no token, database or page).
     */
    record Result(Stats http, Stats httpRelative, Stats httpJdk, Stats useCase, Stats useCaseRelative, Stats raw, Stats floor) {}

    private Read() {}

    /** The first hour of a read table of {@code hours} hours per counter. */
    static Instant start(int hours) {
        return END.minusSeconds(3600L * hours);
    }

    /** Loads hourly readings of every register, hour-major, in statements of 500 hours; then VACUUM ANALYZE. */
    static long load(Db db, String database, String org, List<Api.Register> registers, int hours) throws Exception {
        try (Connection c = db.connect(database)) {
            Array counters = c.createArrayOf("uuid", registers.stream().map(Api.Register::counterId).toArray());
            Array meters = c.createArrayOf("uuid", registers.stream().map(Api.Register::meterId).toArray());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reading (org_id, counter_id, direction, ts, value, meter_id, source)"
                    + " SELECT ?, r.cid, 'feed-out', CAST(? AS timestamptz) + h * interval '1 hour', trim_scale((h * 15 + r.n - 1) / 10.0), r.mid, 'ERP'"
                    // LATERAL makes the hours the outer loop: rows come hour by hour without a sort
                    + " FROM generate_series(?, ?) AS h CROSS JOIN LATERAL (SELECT u.*, h AS hour FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]))"
                    + " WITH ORDINALITY AS u(cid, mid, n) OFFSET 0) AS r")) {
                for (int from = 0; from < hours; from += 500) {
                    ps.setString(1, org);
                    ps.setString(2, start(hours).toString());
                    ps.setInt(3, from);
                    ps.setInt(4, Math.min(hours, from + 500) - 1);
                    ps.setArray(5, counters);
                    ps.setArray(6, meters);
                    ps.executeUpdate();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE reading");
            }
        }
        return (long) registers.size() * hours;
    }

    /** Runs {@code warmup} unmeasured queries, then {@code queries} measured queries of each way in. */
    static Result measure(Api api, Db db, String database, String org, List<Api.Register> registers, int hours, int warmup,
            int queries) throws Exception {
        Random random = new Random(42);
        int n = queries + warmup;
        int[] counter = new int[n];
        int[] start = new int[n];
        for (int i = 0; i < n; i++) {
            counter[i] = random.nextInt(registers.size());
            start[i] = random.nextInt(hours - WINDOW_HOURS);
        }
        long[] http = new long[queries];
        long[] httpRelative = new long[queries];
        long[] httpJdk = new long[queries];
        long[] floor = new long[queries];
        long[] useCase = new long[queries];
        long[] relative = new long[queries];
        long[] raw = new long[queries];
        try (PostgresPersistence p = PostgresPersistence.start(DataSources.pooled(db.url(database), "postgres", db.password(), 4),
                PersistenceSettings.defaults()); Connection c = db.connect(database); LeanHttp lean = api.leanReader()) {
            ListReadingsService list = new ListReadingsService(p.transactions(), new Reach(p.meters(), p.counters()), p.series(),
                    p.changesets(), Clock.systemUTC(), ZoneId.of("Europe/Berlin"));
            Caller caller = Caller.admin(new OrganizationId(org), "benchmark");
            PreparedStatement ps = c.prepareStatement("SELECT counter_id, direction, ts, value, meter_id, source, reason, read_by, status,"
                    + " external_id, remark, note, unit, metadata FROM reading WHERE org_id = ? AND counter_id = ? AND direction = 'feed-out'"
                    + " AND ts >= ? AND ts <= ? ORDER BY ts LIMIT " + PAGE);
            for (int i = 0; i < n; i++) {
                int slot = i - (n - queries);
                Api.Register r = registers.get(counter[i]);
                Instant from = start(hours).plusSeconds(3600L * start[i]);
                Instant to = from.plusSeconds(3600L * WINDOW_HOURS);

                long[] took = new long[7];
                Runnable[] ways = {
                    () -> took[0] = timed(() -> viaHttp(lean, r, from, to, "")),
                    () -> took[4] = timed(() -> viaHttp(lean, r, from, to, "&type=relative")),
                    () -> took[5] = timed(() -> viaJdkHttp(api, r, from, to)),
                    () -> took[1] = timed(() -> viaUseCase(list, caller, r, from, to, ValueType.CUMULATIVE)),
                    () -> took[2] = timed(() -> viaUseCase(list, caller, r, from, to, ValueType.RELATIVE)),
                    () -> took[3] = timed(() -> viaSql(ps, org, r, from, to)),
                    () -> took[6] = timed(() -> floor(lean)),
                };
                // each way goes first in turn, so none profits more than the others from pages the previous ones read
                for (int w = 0; w < ways.length; w++) {
                    ways[(i + w) % ways.length].run();
                }
                if (slot >= 0) {
                    http[slot] = took[0];
                    httpRelative[slot] = took[4];
                    httpJdk[slot] = took[5];
                    floor[slot] = took[6];
                    useCase[slot] = took[1];
                    relative[slot] = took[2];
                    raw[slot] = took[3];
                }
            }
        }
        return new Result(new Stats(http), new Stats(httpRelative), new Stats(httpJdk), new Stats(useCase), new Stats(relative),
                new Stats(raw), new Stats(floor));
    }

    private static String pagePath(Api.Register r, Instant from, Instant to) {
        return "/v1/metering/reading/" + r.meterId() + "/" + r.counterId() + "?start_date=" + from + "&end_date=" + to + "&size=" + PAGE;
    }

    /** @param type {@code ""} (cumulative, the default) or {@code "&type=relative"} */
    private static void viaHttp(LeanHttp lean, Api.Register r, Instant from, Instant to, String type) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream(16_384);
        int status = lean.get(pagePath(r, from, to) + type, answer);
        String body = answer.toString(StandardCharsets.UTF_8);
        if (status != 200) {
            throw new IllegalStateException("page answered " + status + ": " + body.substring(0, Math.min(300, body.length())));
        }
        checkPage(body);
    }

    /** The same page through the JDK's {@code HttpClient}, as a Java client written without care for its cost would read it. */
    private static void viaJdkHttp(Api api, Api.Register r, Instant from, Instant to) throws Exception {
        checkPage(api.get(pagePath(r, from, to)));
    }

    /** The HTTP layer's floor: {@code GET /health} on the same connection. */
    private static void floor(LeanHttp lean) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream(64);
        int status = lean.get("/health", answer);
        if (status != 200) {
            throw new IllegalStateException("/health answered " + status);
        }
    }

    private static void checkPage(String body) {
        if (!body.contains("\"hits\":" + (WINDOW_HOURS + 1))) {
            throw new IllegalStateException("unexpected page: " + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static void viaUseCase(ListReadingsService list, Caller caller, Api.Register r, Instant from, Instant to, ValueType type) {
        ReadingsPage page = list.list(request(caller, r, from, to, type));
        if (page.results().size() != PAGE || page.hits() != WINDOW_HOURS + 1) {
            throw new IllegalStateException("expected a full page of " + (WINDOW_HOURS + 1) + " hits");
        }
    }

    /** The raw page query a DBA would write for the same page, all columns read. */
    private static void viaSql(PreparedStatement ps, String org, Api.Register r, Instant from, Instant to) throws Exception {
        ps.setString(1, org);
        ps.setObject(2, r.counterId());
        ps.setObject(3, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        ps.setObject(4, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                readAll(rs);
                rows++;
            }
        }
        if (rows != PAGE) {
            throw new IllegalStateException("raw query returned " + rows + " rows");
        }
    }

    /** Reads every column of a reading row as a client would: ids, timestamp, the exact value, the texts. */
    static void readAll(ResultSet rs) throws java.sql.SQLException {
        rs.getObject(1, UUID.class);
        rs.getString(2);
        rs.getObject(3, OffsetDateTime.class);
        rs.getBigDecimal(4);
        rs.getObject(5, UUID.class);
        for (int col = 6; col <= 14; col++) {
            rs.getString(col);
        }
    }

    /** Work that may throw, timed in nanoseconds. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    static long timed(Work work) {
        long t = System.nanoTime();
        try {
            work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - t;
    }

    private static ReadingsRequest request(Caller caller, Api.Register r, Instant from, Instant to, ValueType type) {
        return new ReadingsRequest(caller, new MeterId(r.meterId()), new CounterId(r.counterId()), Optional.empty(),
                new TimeInput.Exact(from), new TimeInput.Exact(to), type, SortOrder.ASC, new PageRequest(0, PAGE), false);
    }

}
