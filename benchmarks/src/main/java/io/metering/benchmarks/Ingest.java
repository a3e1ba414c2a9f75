package io.metering.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark 1: ingest through {@code POST /v2/metering/readings} (or v1; 100 readings per request,
 * validation on, several clients, many counters) against raw JDBC batch inserts of the same rows in
 * the same units (100 rows per transaction, the same number of threads).
 *
 * <p>Every counter receives hourly readings in time order, 100 per request, as a back-office system
 * pushing meter data would send them; client k serves the counters {@code i % clients == k}, so
 * clients never contend for one counter.
 */
final class Ingest {
    static final int PER_REQUEST = 100;
    /**
     * The first reading's hour: inside the read table's range (it ends at {@link Read#END}, 10,000
     * hours in the default run), so the ingest into that table writes into the TimescaleDB chunks
     * that hold its rows at 10 and at 100 million rows alike.
     */
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** The outcome of one side. */
    record Result(long rows, double seconds, Stats latency) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private Ingest() {}

    private static Instant at(int hour) {
        return T0.plusSeconds(3600L * hour);
    }

    /** A register value growing with time: exact decimals with one fraction digit. */
    static BigDecimal value(int hour, int counter) {
        return BigDecimal.valueOf(hour * 15L + counter, 1);
    }

    /** The service side. */
    static Result viaHttp(Api api, String path, List<Api.Register> registers, int readingsPerCounter, int clients) throws Exception {
        boolean v2 = path.startsWith("/v2/");
        int batches = readingsPerCounter / PER_REQUEST;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        List<List<byte[]>> clientBodies = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            int client = k;
            // request bodies are built and UTF-8 encoded before the clock starts, so the driver spends
            // its CPU on sending; the raw side likewise prepares its statement before its clock
            List<byte[]> bodies = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                for (int i = client; i < registers.size(); i += clients) {
                    bodies.add(body(registers.get(i), i, b * PER_REQUEST, v2).getBytes(StandardCharsets.UTF_8));
                }
            }
            clientBodies.add(bodies);
        }
        long started = System.nanoTime();
        for (List<byte[]> bodies : clientBodies) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[bodies.size()];
                try (LeanHttp http = api.lean(path)) {
                    for (int n = 0; n < latencies.length; n++) {
                        long t = System.nanoTime();
                        int status = http.post(bodies.get(n));
                        latencies[n] = System.nanoTime() - t;
                        if (status != 200) {
                            throw new IllegalStateException("POST " + path + " answered " + status);
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Result((long) registers.size() * batches * PER_REQUEST, seconds, new Stats(all.stream().mapToLong(Long::longValue).toArray()));
    }

    /** A request body of 100 readings; v2 items name their operation (create: insert or replace). */
    private static String body(Api.Register r, int counterIndex, int firstHour, boolean v2) {
        StringBuilder sb = new StringBuilder(16_384).append("{\"readings\":[");
        for (int h = firstHour; h < firstHour + PER_REQUEST; h++) {
            if (h > firstHour) {
                sb.append(',');
            }
            sb.append(v2 ? "{\"operation\":\"create\",\"meter_id\":\"" : "{\"meter_id\":\"").append(r.meterId()).append("\",\"counter_id\":\"").append(r.counterId())
                    .append("\",\"direction\":\"feed-out\",\"timestamp\":\"").append(at(h)).append("\",\"value\":")
                    .append(value(h, counterIndex).toPlainString()).append(",\"source\":\"ERP\"}");
        }
        return sb.append("]}").toString();
    }

    /** The raw side: the same rows, 100 per transaction, the same number of threads. */
    static Result raw(Db db, String database, String org, List<Api.Register> registers, int readingsPerCounter, int clients)
            throws Exception {
        int batches = readingsPerCounter / PER_REQUEST;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int k = 0; k < clients; k++) {
            int client = k;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (Connection c = db.connect(database)) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO reading (org_id, counter_id, direction, ts, value,"
                            + " meter_id, source) VALUES (?, ?, 'feed-out', ?, ?, ?, 'ERP')")) {
                        for (int b = 0; b < batches; b++) {
                            for (int i = client; i < registers.size(); i += clients) {
                                long t = System.nanoTime();
                                Api.Register r = registers.get(i);
                                for (int h = b * PER_REQUEST; h < (b + 1) * PER_REQUEST; h++) {
                                    ps.setString(1, org);
                                    ps.setObject(2, r.counterId());
                                    ps.setObject(3, OffsetDateTime.ofInstant(at(h), ZoneOffset.UTC));
                                    ps.setBigDecimal(4, value(h, i));
                                    ps.setObject(5, r.meterId());
                                    ps.addBatch();
                                }
                                ps.executeBatch();
                                c.commit();
                                latencies.add(System.nanoTime() - t);
                            }
                        }
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Result((long) registers.size() * batches * PER_REQUEST, seconds, new Stats(all.stream().mapToLong(Long::longValue).toArray()));
    }
}
