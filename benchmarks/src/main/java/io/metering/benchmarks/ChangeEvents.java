package io.metering.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 5, change events (docs/benchmarks.md, docs/events.md): the ingest of benchmark 1 with
 * {@code METERING_EVENTS=off} and {@code on}, each round on a freshly started service and into
 * counters of its own, alternating off, on, off, on: drift of the shared machine's load then falls
 * on both sides alike, and each side writes once into the smaller and once into the larger table.
 * Goal (issue 13): events add no more than 15 % (ratio of the rates on / off >= 0.87).
 */
final class ChangeEvents {
    /** Rounds, each an ingest with events off, then one with them on. */
    static final int ROUNDS = 2;

    /** Starts the service with an environment. */
    @FunctionalInterface
    interface Starter {
        ServiceProcess start(Map<String, String> env) throws Exception;
    }

    /** The service started again with the mode's environment, and the peak RSS over the rounds. */
    record Outcome(ServiceProcess service, double peakRssMiB) {}

    private ChangeEvents() {}

    /** Closes {@code service} (the embedded store admits one user of its data directory) and runs the rounds. */
    static Outcome run(Table table, String mode, ServiceProcess service, Starter starter, Map<String, String> env, Db db, String path,
            int counters, int readings, int clients) throws Exception {
        long[] rows = new long[2];
        double[] seconds = new double[2];
        double[][] cpu = new double[2][2];
        double peakRss = 0;
        List<List<String>> latencies = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 2 * ROUNDS; i++) {
            int side = i % 2;
            boolean on = side == 1;
            service.close();
            Map<String, String> eventsEnv = new HashMap<>(env);
            eventsEnv.put("METERING_EVENTS", on ? "on" : "off");
            service = starter.start(eventsEnv);
            String org = "bench-ingest-events-" + (on ? "on-" : "off-") + (i / 2);
            System.out.printf("== %s: ingest with change events %s (round %d)%n", mode, on ? "on" : "off", i / 2 + 1);
            List<Api.Register> registers = new Api(service.base(), org).registers(counters);
            long postmaster = db.postmaster();
            double[] before = {Cpu.seconds(service.pid(), false), Cpu.server(postmaster)};
            Ingest.Result r = Ingest.viaHttp(new Api(service.base(), org), path, registers, readings, clients);
            rows[side] += r.rows();
            seconds[side] += r.seconds();
            cpu[side][0] += Cpu.seconds(service.pid(), false) - before[0];
            cpu[side][1] += Cpu.server(postmaster) - before[1];
            latencies.get(side).add(String.format(Locale.ROOT, "%.1f / %.1f", r.latency().p50(), r.latency().p99()));
            System.out.printf("   %.0f rows/s%n", r.rowsPerSecond());
            peakRss = Math.max(peakRss, service.peakRssMiB());
        }
        String[] shown = new String[2];
        for (int side = 0; side < 2; side++) {
            double per = 100_000.0 / rows[side];
            shown[side] = String.format(Locale.ROOT, "%.0f (p50 / p99 ms per round %s; CPU-s per 100,000 rows JVM %.1f, PostgreSQL %.1f)",
                    rows[side] / seconds[side], String.join(", ", latencies.get(side)), cpu[side][0] * per, cpu[side][1] * per);
        }
        table.row(mode, "ingest as above (POST " + path + ") with change events on (service column) and off (raw column), fresh counters"
                + " each, " + ROUNDS + " rounds off, on alternating (rows/s over all rounds; request p50/p99 ms; CPU)", shown[1], shown[0],
                (rows[1] / seconds[1]) / (rows[0] / seconds[0]), ">= 0.87 (events add <= 15 %)");
        service.close();
        return new Outcome(starter.start(env), peakRss);
    }
}
