package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.metering.testing.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-series reads stream in bounded memory (issue 16; docs/security.md): the packaged service,
 * started with {@code -Xmx256m} as the README recommends, answers eight concurrent
 * {@code size=-1} reads of a counter holding 1,000,000 readings (four cumulative, four relative,
 * about 150 MB of JSON each) completely and correctly, while other requests keep getting answers
 * without a single 5xx, and the heap still in use after a full collection forced by {@code jcmd GC.run}
 * while the answers stream stays below half of the 256 MB (read from the service's own GC log;
 * 90 MB measured with three answers in flight): what the streams hold, not garbage a young collection leaves in the old generation.
 * Before streaming, one such read needed about 1.5 GB.
 */
class WholeSeriesMemoryIT {
    private static final String ORG = "memory-org";
    private static final int READINGS = 1_000_000;
    private static final int READERS = 8;
    /** A GC log line's "before->after(capacity)" heap figures, in MB. */
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    /** How far every reader has got before the full collection is forced. */
    private static final long HALF_WAY = READINGS / 2;

    @TempDir
    Path dir;

    @Test
    void eightWholeSeriesReadsOfAMillionReadingsCompleteInA256MbHeap() throws Exception {
        Path dataDir = dir.resolve("data");
        Path gcLog = dir.resolve("gc.log");
        String admin = Tokens.admin(ORG);
        try (ServiceProcess service = ServiceProcess.start(dataDir, FreePorts.free(), FreePorts.free(),
                "memory", List.of("-Xlog:gc:file=" + gcLog))) {
            Seeder seed = new Seeder(service.http(), admin);
            String meter = seed.meter("power", java.util.UUID.randomUUID().toString());
            String counter = seed.counter(meter, "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\",\"unit\":\"kWh\"}");
            String otherCounter = seed.counter(meter, "{\"obis_number\":\"1-0:2.8.0\",\"direction\":\"feed-in\",\"unit\":\"kWh\"}");
            long seeding = System.nanoTime();
            insertSeries(service.database(), meter, counter);
            System.out.printf("%d readings inserted in %d ms%n", READINGS, (System.nanoTime() - seeding) / 1_000_000);

            String series = "http://127.0.0.1:" + service.httpPort() + "/v1/metering/reading/" + meter + "/" + counter + "?size=-1";
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            AtomicBoolean reading = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> otherAnswers = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
            try {
                Future<?> others = pool.submit(() -> otherRequests(client, service.httpPort(), meter, counter, otherCounter, admin, reading, otherAnswers));
                List<Future<Long>> readers = new ArrayList<>();
                List<AtomicLong> progress = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    boolean relative = i % 2 == 1;
                    boolean checkValues = i < 2; // every reader counts; two check every value (the client shares the two cores)
                    AtomicLong read = new AtomicLong();
                    progress.add(read);
                    readers.add(pool.submit(() -> readWholeSeries(client, series + (relative ? "&type=relative" : ""), admin, relative,
                            checkValues, read)));
                }
                fullCollectionWhenHalfWay(service.pid(), progress, readers);
                for (Future<Long> r : readers) {
                    assertThat(r.get(5, TimeUnit.MINUTES)).isEqualTo(READINGS);
                }
                reading.set(false);
                others.get(1, TimeUnit.MINUTES);
            } finally {
                reading.set(false);
                pool.shutdownNow();
            }
            assertThat(otherAnswers).as("answers to the other requests while the series streamed").isNotEmpty()
                    .allMatch(a -> a.startsWith("2"), "2xx");
            assertThat(service.log()).doesNotContain("OutOfMemoryError");
            int[] heap = heapAfterCollections(gcLog, "");
            int[] full = heapAfterCollections(gcLog, "Pause Full");
            System.out.printf("GC log: %d collections; heap after collection at most %d MB, before at most %d MB, of %d MB;"
                    + " after the forced full collection %d MB%n", heap[3], heap[1], heap[0], heap[2], full[1]);
            assertThat(full[3]).as("the forced full collection in the GC log").isPositive();
            // a young collection's "after" still counts old-generation garbage (121-218 MB seen beside other
            // builds): only a full collection shows what eight streams in flight really hold
            assertThat(full[1]).as("MB in use after a full collection while eight whole series streamed").isLessThan(128);
        }
    }

    /** 1,000,000 readings every 5 minutes from 2015 (until mid-2024), 1000 + 0.25 per reading, straight into the table. */
    private static void insertSeries(TestDatabase db, String meter, String counter) throws Exception {
        try (Connection c = db.connect();
                PreparedStatement insert = c.prepareStatement("INSERT INTO reading (org_id, counter_id, direction, ts, value, meter_id, source)"
                        + " SELECT ?, CAST(? AS uuid), 'feed-out', timestamptz '2015-01-01 00:00:00+00' + i * interval '5 minutes',"
                        + " 1000 + i * 0.25, CAST(? AS uuid), 'ERP' FROM generate_series(0, ? - 1) AS i")) {
            insert.setString(1, ORG);
            insert.setString(2, counter);
            insert.setString(3, meter);
            insert.setInt(4, READINGS);
            assertThat(insert.executeUpdate()).isEqualTo(READINGS);
            c.createStatement().execute("ANALYZE reading");
        }
    }

    /** Reads the answer as it arrives, checking every value; @return how many readings it held. */
    private static long readWholeSeries(HttpClient client, String url, String admin, boolean relative, boolean checkValues,
            AtomicLong read) throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        long count = 0;
        long hits = -1;
        try (InputStream in = answer.body(); JsonParser json = new JsonFactory().createParser(in)) {
            for (JsonToken t = json.nextToken(); t != null; t = json.nextToken()) {
                if (t == JsonToken.FIELD_NAME && "hits".equals(json.currentName()) && json.getParsingContext().getParent().inRoot()) {
                    json.nextToken();
                    hits = json.getLongValue();
                } else if (t == JsonToken.FIELD_NAME && "value".equals(json.currentName())) {
                    json.nextToken();
                    if ((count & 1023) == 0) {
                        read.set(count);
                    }
                    if (!checkValues) {
                        count++;
                        continue;
                    }
                    BigDecimal expected = relative ? (count == 0 ? BigDecimal.ZERO : new BigDecimal("0.25"))
                            : new BigDecimal("1000").add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(count)));
                    assertThat(new BigDecimal(json.getText())).as("value of reading %d", count).isEqualByComparingTo(expected);
                    count++;
                }
            }
        }
        assertThat(hits).isEqualTo(READINGS);
        System.out.printf("%s: %d readings in %d ms%n", url.substring(url.indexOf('?')), count, (System.nanoTime() - started) / 1_000_000);
        return count;
    }

    /** Other clients meanwhile: a page of the same series, and writes to another counter, one after the other. */
    private static void otherRequests(HttpClient client, int port, String meter, String counter, String otherCounter, String admin,
            AtomicBoolean go, ConcurrentLinkedQueue<String> answers) {
        String base = "http://127.0.0.1:" + port;
        int n = 0;
        while (go.get()) {
            try {
                HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/v1/metering/reading/" + meter + "/" + counter + "?size=10&sort=desc"))
                        .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(30)).GET().build();
                answers.add(Integer.toString(client.send(page, HttpResponse.BodyHandlers.discarding()).statusCode()));
                String body = "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + otherCounter + "\",\"value\":" + (100 + n)
                        + ",\"source\":\"ERP\",\"timestamp\":\"" + java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * n) + "\"}";
                HttpRequest write = HttpRequest.newBuilder(URI.create(base + "/v1/metering/reading"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(Integer.toString(client.send(write, HttpResponse.BodyHandlers.discarding()).statusCode()));
                n++;
                Thread.sleep(100);
            } catch (IOException e) {
                answers.add("failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Forces a full collection in the service ({@code jcmd <pid> GC.run}) once every reader is half-way,
     * so that the GC log shows what the eight streams hold at that moment.
     */
    private static void fullCollectionWhenHalfWay(long pid, List<AtomicLong> progress, List<Future<Long>> readers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        // a fast reader may finish before the slowest is half-way: then collect at once, with the rest still streaming
        while (progress.stream().anyMatch(p -> p.get() < HALF_WAY) && readers.stream().noneMatch(Future::isDone)) {
            assertThat(System.nanoTime()).as("readers half-way within 5 minutes").isLessThan(deadline);
            Thread.sleep(50);
        }
        System.out.printf("full collection forced with %d of %d readers streaming, at %s readings%n",
                readers.stream().filter(r -> !r.isDone()).count(), readers.size(), progress);
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(1, TimeUnit.MINUTES)).as("jcmd finished").isTrue();
        assertThat(jcmd.exitValue()).as("jcmd GC.run: %s", out).isZero();
    }

    /**
     * @param cause only collections whose log line contains it ({@code ""} for all)
     * @return max heap before, max heap after, capacity, and the number of collections, from a {@code -Xlog:gc} file
     */
    private static int[] heapAfterCollections(Path gcLog, String cause) throws IOException {
        int[] out = new int[4];
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            if (!line.contains(cause)) {
                continue;
            }
            Matcher m = GC_HEAP.matcher(line);
            if (m.find()) {
                out[0] = Math.max(out[0], Integer.parseInt(m.group(1)));
                out[1] = Math.max(out[1], Integer.parseInt(m.group(2)));
                out[2] = Math.max(out[2], Integer.parseInt(m.group(3)));
                out[3]++;
            }
        }
        return out;
    }
}
