package io.metering.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The phases on the read table (docs/benchmarks.md, benchmark 3 and after): its load, pages of
 * 100 five ways, whole series streamed, bytes per stored reading, and the ingest into the table
 * that now holds it. In the long variant (100 million rows) the goal is each figure within 20 %
 * of the default run's (10 million).
 */
final class ReadPhase {
    /** From this many rows on a table is the long variant's, whose goals are relative to the 10M run. */
    private static final long LONG_ROWS = 50_000_000L;

    private static final String LONG_GOAL = "within 20 % of the 10M run's";

    private final Table table;
    private final String mode;
    private final Db db;
    private final String serviceDb;
    private final List<Api.Register> registers;
    private final int hours;
    private long tableRows;

    ReadPhase(Table table, String mode, Db db, String serviceDb, List<Api.Register> registers, int hours) {
        this.table = table;
        this.mode = mode;
        this.db = db;
        this.serviceDb = serviceDb;
        this.registers = registers;
        this.hours = hours;
    }

    /** Loads the read table straight into the service's database, reports how long it took and counts the table's rows once. */
    void load() throws Exception {
        long rows = (long) registers.size() * hours;
        System.out.printf("== %s: loading %d readings for the read benchmark%n", mode, rows);
        long start = System.nanoTime();
        Read.load(db, serviceDb, "bench-read", registers, hours);
        double seconds = (System.nanoTime() - start) / 1e9;
        tableRows = rows(serviceDb);
        table.row(mode, "read table: " + rows + " readings loaded by the harness (INSERT from generate_series, then VACUUM ANALYZE;"
                + " s, rows/s)", String.format(Locale.ROOT, "%.0f s (%.0f)", seconds, rows / seconds), "", Double.NaN, "");
    }

    void pages(ServiceProcess service, int warmup, int queries) throws Exception {
        Read.Result r = Read.measure(new Api(service.base(), "bench-read"), db, serviceDb, "bench-read", registers, hours, warmup, queries);
        String goal = goal("p99 <= 10 ms, <= 2x raw");
        table.row(mode, "getReadingsByInterval, page of 100 of 721 hits, " + size() + "-row table, HTTP round trip (p50 / p99 ms)",
                ms(r.http()), ms(r.raw()), r.http().p99() / r.raw().p99(), goal);
        table.row(mode, "the same with type=relative, HTTP round trip (p50 / p99 ms)", ms(r.httpRelative()), ms(r.raw()),
                r.httpRelative().p99() / r.raw().p99(), goal);
        table.row(mode, "the same page read through the JDK's HttpClient (a request passes three threads; the rows above use a"
                + " blocking client on the caller's thread) (p50 / p99 ms)", ms(r.httpJdk()), ms(r.raw()), r.httpJdk().p99() / r.raw().p99(),
                "reported");
        table.row(mode, "HTTP floor: GET /health on the same connection (Jetty and Javalin, no token, database or page; p50 / p99 ms)",
                ms(r.floor()), "", Double.NaN, "reported");
        table.row(mode, "the same, cumulative, in process through the use case: server-side time without HTTP (p50 / p99 ms)",
                ms(r.useCase()), ms(r.raw()), r.useCase().p99() / r.raw().p99(), goal);
        table.row(mode, "the same with type=relative, in process (p50 / p99 ms)", ms(r.useCaseRelative()), ms(r.raw()),
                r.useCaseRelative().p99() / r.raw().p99(), goal);
    }

    void series(ServiceProcess service, int queries) throws Exception {
        System.out.printf("== %s: whole series, %d counters of %d readings%n", mode, queries, hours);
        Series.Result r = Series.measure(new Api(service.base(), "bench-read"), db, serviceDb, "bench-read", registers, hours, queries);
        double cumulative = rate(r.cumulativeReadings(), r.cumulative());
        double relative = rate(r.relativeReadings(), r.relative());
        double raw = rate(r.rawReadings(), r.raw());
        table.row(mode, "whole series streamed over HTTP (size=-1, JSON, cumulative), " + queries + " random counters of " + hours
                + " readings, " + size() + "-row table; raw: a cursor, fetch size " + Series.FETCH
                + " (p50 / p99 ms per series; readings/s; ratio of readings/s)",
                series(r.cumulative(), cumulative), series(r.raw(), raw), cumulative / raw, goal("reported"));
        table.row(mode, "the same with type=relative (raw column: cumulative over HTTP; ratio of readings/s, relative / cumulative)",
                series(r.relative(), relative), series(r.cumulative(), cumulative), relative / cumulative, goal("reported"));
    }

    /** Bytes per stored reading of the service's table as it is now (the read table, the ingests before). */
    void footprint() throws Exception {
        // the page and series reads since the load wrote nothing: the count of the load still holds
        Footprint.Result f = Footprint.measure(db, serviceDb, tableRows);
        double perRow = f.tablePerRow() + f.indexesPerRow();
        table.row(mode, "bytes per stored reading, " + String.format(Locale.ROOT, "%.1fM", f.rows() / 1e6)
                + "-row table: table + indexes (table / indexes); raw: the average heap tuple of the same columns + line pointer",
                String.format(Locale.ROOT, "%.0f (%.0f / %.0f)", perRow, f.tablePerRow(), f.indexesPerRow()),
                String.format(Locale.ROOT, "%.0f", f.rawBytesPerRow()), perRow / f.rawBytesPerRow(), "reported");
    }

    /**
     * The ingest of benchmark 1 into the service's table as it now is; the raw side writes into the
     * same table (the service's database, an organisation of its own), so both face its size.
     */
    void ingest(ServiceProcess service, String path, int counters, int readings, int clients) throws Exception {
        System.out.printf("== %s: ingest into the read table%n", mode);
        List<Api.Register> big = new Api(service.base(), "bench-ingest-big").registers(counters);
        MeasuredIngest.run(table, mode, "ingest into a table of " + size() + " rows, POST " + path
                + ", 100/request, " + clients + " clients, " + counters + " counters", goal(">= 0.5"), service, db,
                new MeasuredIngest.Target(serviceDb, "bench-ingest-big-raw", "bench-ingest-big", path), big, readings, clients);
    }

    private String goal(String atTenMillion) {
        return tableRows >= LONG_ROWS ? LONG_GOAL : atTenMillion;
    }

    private String size() {
        return String.format(Locale.ROOT, "%.1fM", tableRows / 1e6);
    }

    private long rows(String database) throws Exception {
        try (var c = db.connect(database); var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM reading")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double rate(long readings, Stats s) {
        return readings / (s.sum() / 1e3);
    }

    private static String series(Stats s, double rate) {
        return String.format(Locale.ROOT, "%.1f / %.1f (%.0f/s)", s.p50(), s.p99(), rate);
    }

    private static String ms(Stats s) {
        return String.format(Locale.ROOT, "%.2f / %.2f", s.p50(), s.p99());
    }
}
