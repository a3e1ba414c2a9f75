package io.metering.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole series streamed (issue 19; docs/guarantees.md "A whole series never exhausts the heap"):
 * random counters of the read table, each read whole by {@code getReadingsByInterval} with
 * {@code size=-1} over HTTP, cumulative and relative, the body read to its end and its readings
 * counted; against the same rows read by JDBC through a cursor (fetch size 1,000 in a
 * transaction, all columns), as the service streams them. Each way goes first in turn.
 */
final class Series {
    /** Rows the raw cursor fetches per round trip. */
    static final int FETCH = 1_000;

    /** Unmeasured series before the measured ones. */
    static final int WARMUP = 3;

    private static final byte[] PER_READING = "\"counter_id\"".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern HITS = Pattern.compile("\"hits\":(\\d+)");

    /** Per-series times and the readings each way read in all. */
    record Result(Stats cumulative, Stats relative, Stats raw, long cumulativeReadings, long relativeReadings, long rawReadings) {}

    private Series() {}

    static Result measure(Api api, Db db, String database, String org, List<Api.Register> registers, int hours, int queries)
            throws Exception {
        Random random = new Random(7);
        int n = queries + WARMUP;
        long[][] took = new long[3][queries];
        long[] readings = new long[3];
        Instant from = Read.start(hours);
        Instant to = Read.END;
        try (Connection c = db.connect(database)) {
            c.setAutoCommit(false);
            PreparedStatement ps = c.prepareStatement("SELECT counter_id, direction, ts, value, meter_id, source, reason, read_by, status,"
                    + " external_id, remark, note, unit, metadata FROM reading WHERE org_id = ? AND counter_id = ? AND direction = 'feed-out'"
                    + " ORDER BY ts");
            ps.setFetchSize(FETCH);
            for (int i = 0; i < n; i++) {
                Api.Register r = registers.get(random.nextInt(registers.size()));
                String query = "/v1/metering/reading/" + r.meterId() + "/" + r.counterId() + "?start_date=" + from + "&end_date=" + to
                        + "&size=-1&type=";
                long[] count = new long[3];
                long[] t = new long[3];
                Read.Work[] ways = {
                    () -> count[0] = viaHttp(api, query + "cumulative"),
                    () -> count[1] = viaHttp(api, query + "relative"),
                    () -> count[2] = viaSql(c, ps, org, r.counterId()),
                };
                for (int w = 0; w < ways.length; w++) {
                    int way = (i + w) % ways.length;
                    t[way] = Read.timed(ways[way]);
                }
                // cumulative and raw: every reading of the counter; relative: one consumption per reading after the first at least
                if (count[0] != hours || count[2] != hours || count[1] < hours - 1 || count[1] > hours) {
                    throw new IllegalStateException("a whole series of " + hours + " readings came as " + count[0] + " cumulative, "
                            + count[1] + " relative, " + count[2] + " raw");
                }
                int slot = i - WARMUP;
                if (slot >= 0) {
                    for (int w = 0; w < 3; w++) {
                        took[w][slot] = t[w];
                        readings[w] += count[w];
                    }
                }
            }
        }
        return new Result(new Stats(took[0]), new Stats(took[1]), new Stats(took[2]), readings[0], readings[1], readings[2]);
    }

    /** Reads the answer to its end; returns the readings in it, checked against its {@code hits}. */
    private static long viaHttp(Api api, String query) throws Exception {
        try (InputStream in = api.open(query)) {
            byte[] head = in.readNBytes(64);
            Matcher hits = HITS.matcher(new String(head, StandardCharsets.US_ASCII));
            if (!hits.find()) {
                throw new IllegalStateException("no hits at the start of " + new String(head, StandardCharsets.UTF_8));
            }
            long readings = occurrences(head, in);
            if (readings != Long.parseLong(hits.group(1))) {
                throw new IllegalStateException(query + ": " + readings + " readings streamed, hits " + hits.group(1));
            }
            return readings;
        }
    }

    /** Occurrences of a reading's member {@code "counter_id"} in the bytes {@code head} and then {@code in}, read to its end. */
    static long occurrences(byte[] head, InputStream in) throws IOException {
        long found = 0;
        int matched = 0;
        byte[] buffer = head;
        for (int len = head.length; len > 0; len = in.read(buffer = buffer == head ? new byte[65_536] : buffer)) {
            for (int i = 0; i < len; i++) {
                byte b = buffer[i];
                // the pattern's first byte '"' occurs in it only there, so a mismatch restarts at this byte
                matched = b == PER_READING[matched] ? matched + 1 : (b == PER_READING[0] ? 1 : 0);
                if (matched == PER_READING.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return found;
    }

    /** The same rows through a cursor, every column read. */
    private static long viaSql(Connection c, PreparedStatement ps, String org, UUID counter) throws Exception {
        ps.setString(1, org);
        ps.setObject(2, counter);
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Read.readAll(rs);
                rows++;
            }
        }
        c.commit();
        return rows;
    }
}
