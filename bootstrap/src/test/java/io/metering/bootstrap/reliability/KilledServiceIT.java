package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.bootstrap.db.Postmasters;
import io.metering.testing.FreePorts;
import io.metering.testing.Http;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of ingest, on the embedded store, then a restart without any manual step.
 * Four writers send five-reading batches (v1 and v2, each spanning two counters) as fast as the
 * service answers; once 40 batches are acknowledged the service is killed while others are in
 * flight. After the restart, read straight from the database: every acknowledged batch is stored
 * exactly, every batch is stored whole or not at all (including those whose answer was lost), the
 * series keep every rule, and the restarted service accepts writes.
 *
 * <ul>
 *   <li>Killing only the service's JVM leaves its PostgreSQL server running (shown by EmbeddedDatabaseRestartTest); the
 *       restarted service must find that orphan on its data directory and stop it itself.</li>
 *   <li>Killing the JVM and the PostgreSQL server together (what a container kill does) leaves a
 *       database that needs crash recovery; acknowledged writes must survive it (fsync and
 *       synchronous_commit on).</li>
 * </ul>
 * Default: one kill per variant. {@code -Dreliability.long=true}: five kill-and-restart rounds each.
 */
class KilledServiceIT {
    private static final String ORG = "crash-org";
    private static final int ROUNDS = Boolean.getBoolean("reliability.long") ? 5 : 1;

    @TempDir
    Path dir;

    @Test
    void killingTheServiceKeepsAcknowledgedBatchesAndTheRestartStopsTheOrphanedDatabase() {
        run(false);
    }

    @Test
    void killingServiceAndDatabaseTogetherKeepsAcknowledgedBatchesThroughCrashRecovery() {
        run(true);
    }

    private void run(boolean killDatabaseToo) {
        Path dataDir = dir.resolve("data");
        int httpPort = FreePorts.free();
        int dbPort = FreePorts.free();
        String admin = Tokens.admin(ORG);
        ServiceProcess service = ServiceProcess.start(dataDir, httpPort, dbPort, "start");
        try {
            Ingest ingest = new Ingest(admin, seed(service.http(), admin), Instant.now().truncatedTo(ChronoUnit.DAYS).minus(30,
                    ChronoUnit.DAYS));
            for (int round = 1; round <= ROUNDS; round++) {
                ServiceProcess victim = service;
                ingest.runUntilKilled(victim.http(), 40, () -> kill(victim, killDatabaseToo));
                if (killDatabaseToo) {
                    assertThat(PgControl.state(service.pgData())).as("no shutdown checkpoint after the kill")
                            .isEqualTo(PgControl.IN_PRODUCTION);
                } else {
                    assertThat(Postmasters.find(service.pgData())).as("PostgreSQL outlives the killed JVM").isPresent();
                }

                ServiceProcess restarted = ServiceProcess.start(dataDir, httpPort, dbPort, "restart-" + round);
                service.close();
                service = restarted;
                if (killDatabaseToo) {
                    assertThat(service.log()).doesNotContain("still serves");
                } else {
                    assertThat(service.log()).as("the restart found and stopped the orphaned server").contains("still serves");
                }
                assertThat(ingest.problems()).isEmpty();
                List<StoredReading> stored = StoredReading.all(service.database(), ORG);
                assertThat(ingest.check(stored)).as("round %d", round).isEmpty();
                System.out.printf("round %d (%s): %d batches acknowledged, %d without answer, %d readings stored%n", round,
                        killDatabaseToo ? "JVM and PostgreSQL killed" : "JVM killed", ingest.acknowledged(), ingest.unanswered(),
                        stored.size());
                assertThat(SeriesRules.violations(stored, Map.of(), Instant.now())).isEmpty();
                assertThat(ingest.acknowledged()).as("batches acknowledged before the kill").isGreaterThanOrEqualTo(40L * round);
            }
            assertThat(ingest.sendOne(service.http())).as("the restarted service takes writes").isEqualTo(200);
        } finally {
            service.close();
        }
    }

    private static void kill(ServiceProcess service, boolean databaseToo) {
        Optional<ProcessHandle> postmaster = Postmasters.find(service.pgData());
        assertThat(postmaster).as("the embedded PostgreSQL runs").isPresent();
        service.sigkill();
        if (databaseToo) {
            Postmasters.kill(service.pgData());
        }
    }

    /** Two counters per writer, on one meter. */
    private static List<String> seed(Http http, String admin) {
        Seeder seed = new Seeder(http, admin);
        String meter = seed.meter("power", UUID.randomUUID().toString());
        List<String> out = new ArrayList<>();
        out.add(meter);
        for (int i = 0; i < 2 * Ingest.WRITERS; i++) {
            out.add(seed.counter(meter, "{\"obis_number\":\"1-0:1.8." + i + "\",\"direction\":\"feed-out\"}"));
        }
        return out;
    }

    /**
     * The writers and what they learned: per batch, acknowledged (200) or unknown (no answer). A
     * batch's five readings alternate between its writer's two counters; timestamps and values rise
     * with every batch, so no write breaks a rule.
     */
    private static final class Ingest {
        static final int WRITERS = 4;
        static final int BATCH = 5;
        private final String admin;
        private final String meter;
        private final List<String> counters;
        private final Instant base;
        private final Map<String, Boolean> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        private final int[] next = new int[WRITERS];

        Ingest(String admin, List<String> meterAndCounters, Instant base) {
            this.admin = admin;
            this.meter = meterAndCounters.get(0);
            this.counters = meterAndCounters.subList(1, meterAndCounters.size());
            this.base = base;
        }

        /** Runs the writers; once {@code killAfter} more batches are acknowledged, kills the service and waits for the writers. */
        void runUntilKilled(Http http, int killAfter, Runnable kill) {
            long target = acknowledged() + killAfter;
            List<Thread> writers = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread t = new Thread(() -> write(http, writer, killed), "writer-" + w);
                t.start();
                writers.add(t);
            }
            while (acknowledged() < target) {
                assertThat(problems).isEmpty();
                assertThat(writers.stream().anyMatch(Thread::isAlive)).as("writers running").isTrue();
                ServiceProcess.pause(5);
            }
            killed.set(true);
            kill.run();
            for (Thread t : writers) {
                try {
                    t.join(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                assertThat(t.isAlive()).isFalse();
            }
        }

        private void write(Http http, int writer, java.util.concurrent.atomic.AtomicBoolean killed) {
            while (true) {
                int batch = next[writer]++;
                String id = "w" + writer + "-b" + batch;
                try {
                    Http.Reply r = send(http, writer, batch);
                    if (r.status() == 200) {
                        outcomes.put(id, true);
                    } else if (!killed.get()) {
                        problems.add(id + " answered " + r);
                        return;
                    } else {
                        outcomes.put(id, false);
                    }
                } catch (RuntimeException connectionLost) {
                    outcomes.put(id, false);
                    if (!killed.get()) {
                        problems.add(id + " failed before the kill: " + connectionLost);
                    }
                    return;
                }
            }
        }

        /** One more batch of writer 0, after the restart. @return its status */
        int sendOne(Http http) {
            int batch = next[0]++;
            Http.Reply r = send(http, 0, batch);
            if (r.status() == 200) {
                outcomes.put("w0-b" + batch, true);
            }
            return r.status();
        }

        private Http.Reply send(Http http, int writer, int batch) {
            boolean v2 = batch % 2 == 1;
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < BATCH; i++) {
                int n = batch * BATCH + i;
                items.append(i == 0 ? "" : ",").append("{").append(v2 ? "\"operation\":\"create\"," : "")
                        .append("\"meter_id\":\"").append(meter).append("\",\"counter_id\":\"").append(counter(writer, i))
                        .append("\",\"value\":").append(value(n)).append(",\"source\":\"ERP\",\"timestamp\":\"")
                        .append(base.plus(n, ChronoUnit.MINUTES)).append("\",\"external_id\":\"w").append(writer).append("-b")
                        .append(batch).append("-i").append(i).append("\"}");
            }
            return http.post(v2 ? "/v2/metering/readings" : "/v1/metering/readings", admin, "{\"readings\":[" + items + "]}");
        }

        private String counter(int writer, int item) {
            return counters.get(2 * writer + item % 2);
        }

        private static BigDecimal value(int n) {
            return BigDecimal.valueOf(1000 + n).add(new BigDecimal("0.25"));
        }

        long acknowledged() {
            return outcomes.values().stream().filter(b -> b).count();
        }

        long unanswered() {
            return outcomes.values().stream().filter(b -> !b).count();
        }

        List<String> problems() {
            return problems;
        }

        /** @return what contradicts the outcomes: partial batches, lost or altered acknowledged readings, strangers */
        List<String> check(List<StoredReading> stored) {
            List<String> out = new ArrayList<>();
            Map<String, List<StoredReading>> byBatch = stored.stream()
                    .collect(Collectors.groupingBy(r -> r.externalId().substring(0, r.externalId().lastIndexOf("-i"))));
            byBatch.forEach((batch, readings) -> {
                if (!outcomes.containsKey(batch)) {
                    out.add("stored batch " + batch + " was never sent");
                } else if (readings.size() != BATCH) {
                    out.add("batch " + batch + " is partly stored: " + readings.size() + " of " + BATCH);
                }
            });
            Map<String, StoredReading> byId = new HashMap<>();
            stored.forEach(r -> byId.put(r.externalId(), r));
            outcomes.forEach((batch, acked) -> {
                if (!acked) {
                    return;
                }
                int writer = Integer.parseInt(batch.substring(1, batch.indexOf('-')));
                int b = Integer.parseInt(batch.substring(batch.indexOf("-b") + 2));
                for (int i = 0; i < BATCH; i++) {
                    StoredReading r = byId.get(batch + "-i" + i);
                    int n = b * BATCH + i;
                    if (r == null) {
                        out.add("acknowledged reading " + batch + "-i" + i + " is lost");
                    } else if (r.value().compareTo(value(n)) != 0 || !r.timestamp().equals(base.plus(n, ChronoUnit.MINUTES))
                            || !r.counterId().equals(counter(writer, i))) {
                        out.add("acknowledged reading " + batch + "-i" + i + " is stored differently: " + r);
                    }
                }
            });
            return out;
        }
    }
}
