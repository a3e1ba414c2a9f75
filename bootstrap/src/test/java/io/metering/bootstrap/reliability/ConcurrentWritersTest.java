package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metering.testing.Http;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many concurrent clients write interleaved, partly conflicting readings to the same counters and to
 * different ones, through the HTTP API of the real service on its embedded PostgreSQL: single v1
 * writes (admin and portal), v1 batches across meters, portal batches, and v2 batch upserts whose
 * keys collide. Values jitter around a rising line so that ordering conflicts are common; some
 * readings start segments, one counter rolls over, and a few writes are invalid on purpose.
 *
 * <p>Afterwards, read straight from the database: every series keeps every docs/domain.md rule
 * ({@link SeriesRules}); every item of every accepted request is stored exactly as acknowledged (a
 * v2 key holds one of the upserts acknowledged for it); nothing of a rejected request is stored; no
 * request answered 5xx; rejections carry the expected reasons; and the API reads the same series
 * as the database holds. A third of accepted v1 writes are read back at once by their writer.
 *
 * <p>Default: 12 clients x 50 requests. {@code -Dreliability.long=true}: 32 clients x 400.
 */
class ConcurrentWritersTest {
    private static final String ORG = "concurrency-org";
    private static final String CONTACT = UUID.randomUUID().toString();
    private static final boolean LONG = Boolean.getBoolean("reliability.long");
    private static final int CLIENTS = LONG ? 32 : 12;
    private static final int REQUESTS_PER_CLIENT = LONG ? 400 : 50;
    /** Hourly slots per counter: as many as keep the share of key collisions the same in both variants. */
    private static final int SLOTS = CLIENTS * REQUESTS_PER_CLIENT / 10;
    private static final Set<String> EXPECTED_REJECTIONS = Set.of("less_than_previous", "greater_than_subsequent",
            "duplicate_reading", "timestamp_future", "negative_value", "exceeds_register_capacity");

    @TempDir
    static Path dataDir;

    private static InProcessService service;
    private static String admin;
    private static String portal;
    private static List<Target> targets;
    private static Instant base;

    /** A counter under test, with the line its values follow. */
    record Target(String meterId, String counterId, String direction, boolean portalOwned, BigDecimal capacity, int start, int step) {
        BigDecimal valueAt(int slot, Random random) {
            int jitter = random.nextInt(2 * step + step / 2 + 1) - (step + step / 4);
            long v = start + (long) step * slot + jitter;
            if (capacity != null) {
                v = Math.floorMod(v, capacity.longValueExact());
            }
            return BigDecimal.valueOf(Math.max(v, 0)).add(random.nextBoolean() ? new BigDecimal("0.5") : BigDecimal.ZERO);
        }
    }

    /** Which operation wrote an item; v1 keys are never written by v2 and v2 keys never by v1. */
    enum Kind { V1, V2 }

    /** One reading of a request, identified by its unique external id. */
    record Item(String externalId, Target target, Instant timestamp, BigDecimal value, String reason, String source, Kind kind) {
        String key() {
            return target.counterId() + "/" + target.direction() + "@" + timestamp;
        }
    }

    /** A sent request and its answer. */
    record Attempt(String operation, List<Item> items, int status, String body) {}

    @BeforeAll
    static void start() {
        service = InProcessService.start(dataDir, Map.of());
        admin = Tokens.admin(ORG);
        portal = Tokens.portal(ORG, CONTACT);
        Seeder seed = new Seeder(service.http(), admin);
        // the jittered values of different sources often meet on one day; this test is about the
        // ordering rules under concurrency, so the meters store every reading (reading_echo off;
        // the echo rule, docs/domain.md#same-reading-same-business-day, is tested in FieldTrialWritesTest)
        String power = seed.meter(meterJson("power", CONTACT));
        String gas = seed.meter(meterJson("gas", CONTACT));
        String other = seed.meter(meterJson("water", UUID.randomUUID().toString()));
        targets = List.of(
                new Target(power, seed.counter(power, "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\"}"), "feed-out", true, null,
                        1000, 10),
                new Target(power, seed.counter(power, "{\"obis_number\":\"1-0:2.8.0\"}"), "feed-in", true, null, 500, 4),
                new Target(power, seed.counter(power, "{\"obis_number\":\"1-0:1.8.1\",\"register_capacity\":100000}"), "feed-out", true,
                        new BigDecimal("100000"), 90000, 400),
                new Target(gas, seed.counter(gas, "{\"obis_number\":\"7-0:3.0.0\"}"), "feed-out", true, null, 20000, 25),
                new Target(other, seed.counter(other, "{\"obis_number\":\"8-0:1.0.0\"}"), "feed-out", false, null, 300, 3));
        base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(SLOTS + 240, ChronoUnit.HOURS);
    }

    private static String meterJson(String sector, String contactId) {
        return "{\"sector\":\"" + sector + "\",\"reading_echo\":\"off\",\"customer\":{\"$relation\":[{\"entity_id\":\""
                + contactId + "\"}]}}";
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void concurrentConflictingWritersLeaveOnlyConsistentSeries() throws Exception {
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        List<String> readBackFailures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> runClient(client, attempts, readBackFailures)));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(attempts).hasSize(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(attempts.stream().filter(a -> a.status() >= 500).map(Attempt::toString).toList()).as("5xx answers").isEmpty();
        List<Attempt> accepted = attempts.stream().filter(a -> a.status() == 200).toList();
        List<Attempt> rejected = attempts.stream().filter(a -> a.status() != 200).toList();
        System.out.printf("%d requests: %d accepted, rejections by reason %s%n", attempts.size(), accepted.size(),
                rejected.stream().collect(Collectors.groupingBy(ConcurrentWritersTest::reason, Collectors.counting())));
        assertThat(rejected.stream().filter(a -> a.status() != 400 || !EXPECTED_REJECTIONS.contains(reason(a))).map(Attempt::toString)
                .toList()).as("rejections other than the write rules").isEmpty();
        // the workload is only meaningful if both outcomes are common
        assertThat(accepted.size()).as("accepted requests").isGreaterThan(attempts.size() / 10);
        assertThat(rejected.stream().filter(a -> reason(a).equals("less_than_previous") || reason(a).equals("greater_than_subsequent"))
                .count()).as("ordering conflicts").isPositive();
        assertThat(readBackFailures).as("writes not visible to their writer's next read").isEmpty();

        List<StoredReading> stored = StoredReading.all(service.embeddedDatabase(), ORG);
        Map<String, BigDecimal> capacities = targets.stream().filter(t -> t.capacity() != null)
                .collect(Collectors.toMap(Target::counterId, Target::capacity));
        assertThat(SeriesRules.violations(stored, capacities, Instant.now())).as("broken series rules").isEmpty();
        assertStoredExactlyAsAcknowledged(stored, accepted, rejected);
        assertApiReadsTheStoredSeries(stored);
    }

    private static void assertStoredExactlyAsAcknowledged(List<StoredReading> stored, List<Attempt> accepted, List<Attempt> rejected) {
        Map<String, Item> acknowledged = new HashMap<>();
        accepted.forEach(a -> a.items().forEach(i -> acknowledged.put(i.externalId(), i)));
        Set<String> rejectedIds = rejected.stream().flatMap(a -> a.items().stream()).map(Item::externalId).collect(Collectors.toSet());

        List<String> problems = new ArrayList<>();
        Map<String, StoredReading> byKey = new HashMap<>();
        Set<String> storedIds = new HashSet<>();
        for (StoredReading r : stored) {
            byKey.put(r.counterId() + "/" + r.direction() + "@" + r.timestamp(), r);
            storedIds.add(r.externalId());
            if (rejectedIds.contains(r.externalId())) {
                problems.add("stored although its request was rejected: " + r);
                continue;
            }
            Item item = acknowledged.get(r.externalId());
            if (item == null) {
                problems.add("stored but never acknowledged: " + r);
            } else if (!matches(r, item)) {
                problems.add("stored " + r + " differs from acknowledged " + item);
            }
        }
        for (Item item : acknowledged.values()) {
            if (item.kind() == Kind.V1 && !storedIds.contains(item.externalId())) {
                problems.add("acknowledged v1 write missing: " + item);
            }
            if (item.kind() == Kind.V2 && !byKey.containsKey(item.key())) {
                problems.add("acknowledged v2 upsert left its key empty: " + item);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean matches(StoredReading r, Item item) {
        return r.counterId().equals(item.target().counterId()) && r.meterId().equals(item.target().meterId())
                && r.direction().equals(item.target().direction()) && r.timestamp().equals(item.timestamp())
                && r.value().compareTo(item.value()) == 0 && java.util.Objects.equals(r.reason(), item.reason())
                && r.source().equals(item.source());
    }

    private static void assertApiReadsTheStoredSeries(List<StoredReading> stored) {
        for (Target t : targets) {
            JsonNode results = service.http().get("/v1/metering/reading/" + t.meterId() + "/" + t.counterId()
                    + "?size=-1&start_date=" + base.minus(1, ChronoUnit.DAYS) + "&direction=" + t.direction(), admin).json().get("results");
            List<String> api = new ArrayList<>();
            results.forEach(n -> api.add(n.get("timestamp").asText() + "=" + n.get("value").decimalValue().stripTrailingZeros()));
            List<String> db = stored.stream().filter(r -> r.counterId().equals(t.counterId()))
                    .map(r -> r.timestamp().toEpochMilli() + "=" + r.value().stripTrailingZeros())
                    .toList();
            assertThat(api.stream().map(s -> Instant.parse(s.substring(0, s.indexOf('='))).toEpochMilli() + s.substring(s.indexOf('=')))
                    .toList()).as("API series of %s", t.counterId()).isEqualTo(db);
        }
    }

    private static String reason(Attempt a) {
        try {
            return Http.JSON.readTree(a.body()).path("reason").asText();
        } catch (Exception e) {
            return "";
        }
    }

    // ------------------------------------------------------------------ the clients

    private static void runClient(int client, List<Attempt> attempts, List<String> readBackFailures) {
        Random random = new Random(7919L * (client + 1));
        Http http = new Http(service.http().base());
        for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
            String prefix = "c" + client + "-" + n;
            int dice = random.nextInt(100);
            Attempt a;
            if (dice < 35) {
                a = single(http, random, prefix);
                if (a.status() == 200 && random.nextInt(3) == 0) {
                    readBack(http, a.items().get(0)).ifPresent(readBackFailures::add);
                }
            } else if (dice < 55) {
                a = v1Batch(http, random, prefix);
            } else if (dice < 70) {
                a = portalBatch(http, random, prefix);
            } else {
                a = v2Batch(http, random, prefix);
            }
            attempts.add(a);
        }
    }

    /** createMeterReading, as admin or as the portal customer. */
    private static Attempt single(Http http, Random random, String prefix) {
        boolean asPortal = random.nextBoolean();
        List<Target> reachable = asPortal ? targets.stream().filter(Target::portalOwned).toList() : targets;
        Item item = v1Item(random, prefix + "-0", reachable.get(random.nextInt(reachable.size())), asPortal ? "ECP" : "360");
        ObjectNode body = json(item, true, random);
        Http.Reply r = http.post("/v1/metering/reading", asPortal ? portal : admin, body.toString());
        if (r.status() == 200) {
            assertEcho(r.json().get("data"), item);
        }
        return new Attempt("single", List.of(item), r.status(), r.body());
    }

    /** createMeterReadings: an admin batch across meters and counters. */
    private static Attempt v1Batch(Http http, Random random, String prefix) {
        List<Item> items = new ArrayList<>();
        int size = 2 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            items.add(v1Item(random, prefix + "-" + i, targets.get(random.nextInt(targets.size())), "360"));
        }
        return batch(http, "/v1/metering/readings", admin, "v1-batch", items, random);
    }

    /** createPortalMeterReadings: the customer's batch for the power meter. */
    private static Attempt portalBatch(Http http, Random random, String prefix) {
        List<Target> power = targets.stream().filter(t -> t.meterId().equals(targets.get(0).meterId())).toList();
        List<Item> items = new ArrayList<>();
        int size = 2 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
            items.add(v1Item(random, prefix + "-" + i, power.get(random.nextInt(power.size())), "ECP"));
        }
        return batch(http, "/v1/metering/readings/" + power.get(0).meterId(), portal, "portal-batch", items, random);
    }

    /** batchWriteMeterReadings: upserts on the half-hour grid, whose keys the v2 writers share. */
    private static Attempt v2Batch(Http http, Random random, String prefix) {
        List<Target> v2Targets = List.of(targets.get(0), targets.get(1), targets.get(3));
        List<Item> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            Target t = v2Targets.get(random.nextInt(v2Targets.size()));
            int slot = random.nextInt(SLOTS);
            Item item = new Item(prefix + "-" + i, t, base.plus(slot, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES),
                    t.valueAt(slot, random), null, "ERP", Kind.V2);
            if (keys.add(item.key())) {
                items.add(item);
            }
        }
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode readings = body.putArray("readings");
        items.forEach(i -> readings.add(json(i, true, random).put("operation", "create")));
        Http.Reply r = http.post("/v2/metering/readings", admin, body.toString());
        if (r.status() == 200) {
            assertEchoes(r.json().get("data"), items);
        }
        return new Attempt("v2-batch", items, r.status(), r.body());
    }

    private static Attempt batch(Http http, String path, String token, String operation, List<Item> items, Random random) {
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode readings = body.putArray("readings");
        items.forEach(i -> readings.add(json(i, !path.contains("/readings/"), random)));
        Http.Reply r = http.post(path, token, body.toString());
        if (r.status() == 200) {
            assertEchoes(r.json().get("data"), items);
        }
        return new Attempt(operation, items, r.status(), r.body());
    }

    /** A v1 reading on the hourly grid: mostly near the line, sometimes a segment start, rarely invalid on purpose. */
    private static Item v1Item(Random random, String externalId, Target t, String source) {
        int slot = random.nextInt(SLOTS);
        Instant ts = base.plus(slot, ChronoUnit.HOURS);
        BigDecimal value = t.valueAt(slot, random);
        String reason = null;
        int dice = random.nextInt(100);
        if (dice < 4) {
            reason = "meter_change";
            value = BigDecimal.valueOf(random.nextInt(50));
        } else if (dice < 7) {
            ts = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        } else if (dice < 9) {
            value = BigDecimal.valueOf(-5);
        } else if (dice < 12) {
            reason = "regular";
        }
        return new Item(externalId, t, ts, value, reason, source, Kind.V1);
    }

    private static ObjectNode json(Item item, boolean withMeter, Random random) {
        ObjectNode n = Http.JSON.createObjectNode();
        if (withMeter) {
            n.put("meter_id", item.target().meterId());
        }
        n.put("counter_id", item.target().counterId());
        if (random.nextBoolean()) {
            n.put("direction", item.target().direction());
        }
        n.put("value", item.value());
        n.put("source", item.source());
        n.put("timestamp", item.timestamp().toString());
        n.put("external_id", item.externalId());
        if (item.reason() != null) {
            n.put("reason", item.reason());
        }
        return n;
    }

    private static void assertEchoes(JsonNode data, List<Item> items) {
        assertThat(data.size()).isEqualTo(items.size());
        for (int i = 0; i < items.size(); i++) {
            assertEcho(data.get(i), items.get(i));
        }
    }

    private static void assertEcho(JsonNode data, Item item) {
        assertThat(data.get("external_id").asText()).isEqualTo(item.externalId());
        assertThat(data.get("value").decimalValue()).isEqualByComparingTo(item.value());
        assertThat(Instant.parse(data.get("timestamp").asText())).isEqualTo(item.timestamp());
        assertThat(data.get("direction").asText()).isEqualTo(item.target().direction());
    }

    /** The writer reads its acknowledged write back at once (docs/domain.md: writes are visible to the next read). */
    private static java.util.Optional<String> readBack(Http http, Item item) {
        Target t = item.target();
        Http.Reply r = http.get("/v1/metering/reading/" + t.meterId() + "/" + t.counterId() + "?direction=" + t.direction()
                + "&start_date=" + item.timestamp().minusSeconds(1) + "&end_date=" + item.timestamp().plusSeconds(1), admin);
        if (r.status() != 200) {
            return java.util.Optional.of("read back of " + item + " answered " + r);
        }
        for (JsonNode n : r.json().get("results")) {
            if (Instant.parse(n.get("timestamp").asText()).equals(item.timestamp())
                    && n.get("value").decimalValue().compareTo(item.value()) == 0) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of("read back of " + item + " did not find it: " + r);
    }
}
