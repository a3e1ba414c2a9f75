package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change event feed of the real service on its embedded PostgreSQL (docs/events.md): a
 * consumer polling while 8 writers commit concurrently sees every event exactly once, in order; a
 * long poll answers with the event committed while it waits.
 */
class EventFeedConcurrencyTest {
    private static final String ORG = "events-org";
    private static final int WRITERS = 8;
    private static final int WRITES_PER_WRITER = 30;
    private static final String FEED = "/v1/metering/events";

    @TempDir
    static Path dataDir;

    private static InProcessService service;
    private static String admin;
    private static Seeder seed;

    @BeforeAll
    static void start() {
        service = InProcessService.start(dataDir, Map.of());
        admin = Tokens.admin(ORG);
        seed = new Seeder(service.http(), admin);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static String head() {
        String at = null;
        while (true) {
            JsonNode page = service.http().get(FEED + "?limit=1000" + (at == null ? "" : "&after=" + at), admin).json();
            at = page.get("next").asText();
            if (page.get("events").isEmpty()) {
                return at;
            }
        }
    }

    private static String reading(String meter, String counter, int value, Instant at) {
        return "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter + "\",\"source\":\"ERP\",\"value\":" + value
                + ",\"timestamp\":\"" + at + "\"}";
    }

    @Test
    void aConsumerPollingWhileEightWritersCommitSeesEveryEventOnceInOrder() throws Exception {
        String meter = seed.meter("{\"sector\":\"power\",\"reading_echo\":\"off\"}");
        List<String> counters = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            counters.add(seed.counter(meter, "{\"obis_number\":\"1-0:1.8." + w + "\",\"direction\":\"feed-out\"}"));
        }
        String start = head();
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(WRITES_PER_WRITER + 24, ChronoUnit.HOURS);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            // the consumer: long polls from the start until it has seen as many events as are written
            Future<List<JsonNode>> consumer = pool.submit(() -> {
                List<JsonNode> seen = new ArrayList<>();
                String after = start;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (seen.size() < WRITERS * WRITES_PER_WRITER && System.nanoTime() < deadline) {
                    Http.Reply r = service.http().get(FEED + "?wait=2&limit=7&after=" + after, admin);
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    r.json().get("events").forEach(seen::add);
                    after = r.json().get("next").asText();
                }
                // one more read: nothing beyond what was written, nothing late below the cursor
                Http.Reply last = service.http().get(FEED + "?after=" + after, admin);
                last.json().get("events").forEach(seen::add);
                return seen;
            });
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String counter = counters.get(w);
                writers.add(pool.submit(() -> {
                    List<String> written = new ArrayList<>();
                    for (int i = 0; i < WRITES_PER_WRITER; i++) {
                        Instant at = base.plus(i, ChronoUnit.HOURS);
                        Http.Reply r = service.http().post("/v1/metering/reading", admin, reading(meter, counter, 1000 + i, at));
                        assertThat(r.status()).as(r.toString()).isEqualTo(200);
                        written.add(counter + "@" + at);
                    }
                    return written;
                }));
            }
            Map<String, List<String>> writtenByCounter = new LinkedHashMap<>();
            for (int w = 0; w < WRITERS; w++) {
                writtenByCounter.put(counters.get(w), writers.get(w).get(3, TimeUnit.MINUTES));
            }
            List<JsonNode> seen = consumer.get(4, TimeUnit.MINUTES);

            assertThat(seen).hasSize(WRITERS * WRITES_PER_WRITER);
            Set<String> ids = new HashSet<>();
            seen.forEach(e -> assertThat(ids.add(e.get("id").asText())).as("seen once: " + e.get("id")).isTrue());
            List<String> sequences = seen.stream().map(e -> e.get("sequence").asText()).toList();
            assertThat(sequences).as("in feed order").isSorted().doesNotHaveDuplicates();
            assertThat(seen).allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("io.metering.reading.created"));
            for (Map.Entry<String, List<String>> counter : writtenByCounter.entrySet()) {
                List<String> ofCounter = seen.stream().filter(e -> e.at("/data/counter_id").asText().equals(counter.getKey()))
                        .map(e -> e.at("/data/counter_id").asText() + "@" + Instant.parse(e.at("/data/timestamp").asText())).toList();
                assertThat(ofCounter).as("one writer's events in its commit order").containsExactlyElementsOf(counter.getValue());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLongPollAnswersWithTheEventCommittedWhileItWaits() throws Exception {
        String meter = seed.meter("{\"sector\":\"gas\"}");
        String counter = seed.counter(meter, "{\"obis_number\":\"7-0:3.0.0\",\"direction\":\"feed-out\"}");
        String start = head();

        CompletableFuture<Http.Reply> waiting = CompletableFuture.supplyAsync(() -> service.http().get(FEED + "?wait=20&after=" + start,
                admin));
        Thread.sleep(500);
        assertThat(waiting).as("nothing new yet: the request waits").isNotDone();
        String externalId = UUID.randomUUID().toString();
        Http.Reply written = service.http().post("/v1/metering/reading", admin, reading(meter, counter, 42, Instant.now()
                .truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS)).replace("}", ",\"external_id\":\"" + externalId + "\"}"));
        assertThat(written.status()).as(written.toString()).isEqualTo(200);

        Http.Reply answer = waiting.get(25, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("events")).hasSize(1);
        assertThat(answer.json().at("/events/0/data/external_id").asText()).isEqualTo(externalId);
    }
}
