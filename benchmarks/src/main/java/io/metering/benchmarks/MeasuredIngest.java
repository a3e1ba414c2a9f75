package io.metering.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One measured ingest of benchmark 1 (docs/benchmarks.md): the raw JDBC batches, then the same
 * rows through the service's API, with the CPU seconds of the load driver, the service JVM and
 * PostgreSQL read from {@code /proc} around each side. Adds three rows: rate and ratio, CPU per
 * 100,000 rows (ratio: PostgreSQL's service / raw), and the service JVM's JIT compiler share.
 */
final class MeasuredIngest {
    /** The CPU goals of an ingest (issue 19). */
    static final String CPU_GOAL = "JVM <= 2 CPU-s / 100k, PostgreSQL <= 1.5x raw";

    /** Where each side writes: database and organisation of the raw batches, the service's organisation, and the path. */
    record Target(String rawDatabase, String rawOrg, String org, String path) {}

    private MeasuredIngest() {}

    /**
     * @param what the row's description, before the rate's units
     * @param goal the goal of the rate's ratio
     */
    static void run(Table table, String mode, String what, String goal, ServiceProcess service, Db db, Target target,
            List<Api.Register> registers, int readings, int clients) throws Exception {
        long postmaster = db.postmaster();
        double[] before = {Cpu.self(), Cpu.server(postmaster)};
        Ingest.Result raw = Ingest.raw(db, target.rawDatabase(), target.rawOrg(), registers, readings, clients);
        double[] between = {Cpu.self(), Cpu.server(postmaster), Cpu.seconds(service.pid(), false)};
        Map<Long, Double> compilingBefore = Cpu.compiler(service.pid());
        Ingest.Result http = Ingest.viaHttp(new Api(service.base(), target.org()), target.path(), registers, readings, clients);
        double[] after = {Cpu.self(), Cpu.server(postmaster), Cpu.seconds(service.pid(), false)};
        double compiling = Cpu.compilerSince(compilingBefore, Cpu.compiler(service.pid()));
        double per = 100_000.0 / http.rows();
        double rawPer = 100_000.0 / raw.rows();
        table.row(mode, what + " (rows/s; request p50/p99 ms)",
                String.format(Locale.ROOT, "%.0f (%.1f / %.1f)", http.rowsPerSecond(), http.latency().p50(), http.latency().p99()),
                String.format(Locale.ROOT, "%.0f (%.1f / %.1f)", raw.rowsPerSecond(), raw.latency().p50(), raw.latency().p99()),
                http.rowsPerSecond() / raw.rowsPerSecond(), goal);
        double serverService = (after[1] - between[1]) * per;
        double serverRaw = (between[1] - before[1]) * rawPer;
        table.row(mode, "the same: CPU seconds per 100,000 rows, load driver / service JVM / PostgreSQL (ratio: PostgreSQL's, service / raw)",
                String.format(Locale.ROOT, "%.1f / %.1f / %.1f", (after[0] - between[0]) * per, (after[2] - between[2]) * per, serverService),
                String.format(Locale.ROOT, "%.1f / - / %.1f", (between[0] - before[0]) * rawPer, serverRaw),
                serverService / serverRaw, CPU_GOAL);
        table.row(mode, "the same: of the service JVM's CPU, its JIT compiler threads (CPU seconds per 100,000 rows)",
                String.format(Locale.ROOT, "%.2f", compiling * per), "", Double.NaN, "");
    }
}
