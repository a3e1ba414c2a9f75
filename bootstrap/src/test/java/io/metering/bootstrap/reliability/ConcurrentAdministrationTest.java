package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Races between writers and administrators on the real service and its embedded PostgreSQL: the
 * requests of each round start together (a barrier), so they overlap inside the service.
 * <ul>
 *   <li>createReadingWithMeter calls that all need the same missing counter create it once;</li>
 *   <li>deleting a counter or a meter while readings are being written to it leaves no reading
 *       behind, and writes after the delete answer 404;</li>
 *   <li>counters added to a meter while it is deleted do not outlive it;</li>
 *   <li>creating one meter id many times at once answers one 201 and 409 for the rest.</li>
 * </ul>
 * None of them may answer 5xx.
 */
class ConcurrentAdministrationTest {
    private static final String ORG = "administration-org";
    private static final int PARALLEL = 8;
    private static final int ROUNDS = Boolean.getBoolean("reliability.long") ? 40 : 4;

    @TempDir
    static Path dataDir;

    private static InProcessService service;
    private static Http http;
    private static String admin;
    private static Seeder seed;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        service = InProcessService.start(dataDir, Map.of());
        http = service.http();
        admin = Tokens.admin(ORG);
        seed = new Seeder(http, admin);
        pool = Executors.newFixedThreadPool(PARALLEL + 1);
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void readingsWithMeterThatNeedTheSameNewCounterCreateItOnce() throws Exception {
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.DAYS);
        for (int round = 0; round < ROUNDS; round++) {
            String meter = seed.meter("power", UUID.randomUUID().toString());
            List<Http.Reply> replies = together(i -> http.post("/v1/metering/reading/with-meter", admin,
                    "{\"meter_id\":\"" + meter + "\",\"obis_number\":\"1-0:1.8.2\",\"value\":" + (100 + i) + ",\"source\":\"ERP\","
                            + "\"timestamp\":\"" + base.plus(i, ChronoUnit.HOURS) + "\"}"));

            assertThat(replies).as("round %d", round).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
            JsonNode counters = http.get("/v1/metering/admin/meters/" + meter + "/counters", admin).json().get("data");
            assertThat(counters).as("counters of meter %s after round %d", meter, round).hasSize(1);
            assertThat(count("SELECT count(*) FROM reading WHERE org_id = ? AND meter_id = CAST(? AS uuid)", meter)).isEqualTo(PARALLEL);
        }
    }

    @Test
    void deletingACounterWhileItIsWrittenLeavesNothingBehind() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String meter = seed.meter("gas", UUID.randomUUID().toString());
            String counter = seed.counter(meter, "{\"obis_number\":\"7-0:3.0.0\"}");
            List<Http.Reply> afterDelete = writeWhileDeleting(meter, counter, "/v1/metering/admin/counters/" + counter);

            assertThat(afterDelete).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(404));
            assertThat(count("SELECT count(*) FROM reading WHERE org_id = ? AND counter_id = CAST(? AS uuid)", counter))
                    .as("readings of deleted counter %s (round %d)", counter, round).isZero();
        }
    }

    @Test
    void deletingAMeterWhileItIsWrittenLeavesNothingBehind() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String meter = seed.meter("gas", UUID.randomUUID().toString());
            String counter = seed.counter(meter, "{\"obis_number\":\"7-0:3.0.0\"}");
            List<Http.Reply> afterDelete = writeWhileDeleting(meter, counter, "/v1/metering/admin/meters/" + meter);

            assertThat(afterDelete).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(404));
            assertThat(count("SELECT count(*) FROM reading WHERE org_id = ? AND meter_id = CAST(? AS uuid)", meter))
                    .as("readings of deleted meter %s (round %d)", meter, round).isZero();
            assertThat(count("SELECT count(*) FROM counter WHERE org_id = ? AND meter_id = CAST(? AS uuid)", meter)).isZero();
        }
    }

    @Test
    void countersAddedWhileTheirMeterIsDeletedDoNotOutliveIt() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String meter = seed.meter("power", UUID.randomUUID().toString());
            List<Http.Reply> replies = together(i -> i == 0
                    ? http.send("DELETE", "/v1/metering/admin/meters/" + meter, admin, null, null)
                    : http.post("/v1/metering/admin/meters/" + meter + "/counters", admin, "{\"obis_number\":\"1-0:1.8." + i + "\"}"));

            assertThat(replies.get(0).status()).as("%s", replies.get(0)).isEqualTo(204);
            assertThat(replies.subList(1, PARALLEL)).allSatisfy(r -> assertThat(r.status()).as("%s", r).isIn(201, 404));
            assertThat(count("SELECT count(*) FROM counter WHERE org_id = ? AND meter_id = CAST(? AS uuid)", meter))
                    .as("counters of deleted meter %s (round %d)", meter, round).isZero();
        }
    }

    @Test
    void oneMeterIdCreatedManyTimesAtOnceIsCreatedOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = UUID.randomUUID().toString();
            List<Http.Reply> replies = together(i -> http.post("/v1/metering/admin/meters", admin,
                    "{\"_id\":\"" + id + "\",\"sector\":\"power\",\"meter_number\":\"M-" + i + "\"}"));

            assertThat(replies.stream().filter(r -> r.status() == 201)).as("round %d: %s", round, replies).hasSize(1);
            assertThat(replies.stream().filter(r -> r.status() != 201))
                    .allSatisfy(r -> assertThat(r.status() == 409 && r.reason().equals("conflict")).as("%s", r).isTrue());
        }
    }

    /**
     * Writers hammer the counter; once each has been acknowledged a few times, the resource is
     * deleted while they keep writing, until each has seen the deletion.
     *
     * @return the answers writers got to requests sent after the delete was acknowledged
     */
    private List<Http.Reply> writeWhileDeleting(String meter, String counter, String deletePath) throws Exception {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
        CountDownLatch warmedUp = new CountDownLatch(PARALLEL);
        CountDownLatch deleted = new CountDownLatch(1);
        AtomicInteger seq = new AtomicInteger();
        List<Http.Reply> afterDelete = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < PARALLEL; w++) {
            writers.add(pool.submit(() -> {
                int acks = 0;
                while (true) {
                    boolean deleteDone = deleted.getCount() == 0;
                    int n = seq.incrementAndGet();
                    // every value equal: ordering never rejects, so any refusal is about the deletion
                    Http.Reply r = http.post("/v1/metering/reading", admin, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter
                            + "\",\"value\":42,\"source\":\"ERP\",\"timestamp\":\"" + base.plusMillis(n) + "\"}");
                    assertThat(r.status()).as("%s", r).isIn(200, 404);
                    if (deleteDone) {
                        afterDelete.add(r);
                    }
                    if (r.status() == 404) {
                        return null;
                    }
                    if (++acks == 3) {
                        warmedUp.countDown();
                    }
                }
            }));
        }
        assertThat(warmedUp.await(60, TimeUnit.SECONDS)).as("writers warmed up").isTrue();
        Http.Reply delete = http.send("DELETE", deletePath, admin, null, null);
        deleted.countDown();
        assertThat(delete.status()).as("%s", delete).isBetween(200, 204);
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS);
        }
        return afterDelete;
    }

    /** Runs the calls at once (they wait for each other at a barrier) and returns their answers in order. */
    private static List<Http.Reply> together(IntFunction<Http.Reply> call) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(PARALLEL);
        List<Future<Http.Reply>> futures = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return call.apply(n);
            }));
        }
        List<Http.Reply> out = new ArrayList<>();
        for (Future<Http.Reply> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    private static long count(String sql, String id) throws Exception {
        try (Connection c = service.embeddedDatabase().connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ORG);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
