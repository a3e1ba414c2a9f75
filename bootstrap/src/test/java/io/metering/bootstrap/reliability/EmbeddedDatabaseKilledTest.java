package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.bootstrap.db.Postmasters;
import io.metering.bootstrap.db.WatchdogLog;
import io.metering.testing.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on its embedded store, whose PostgreSQL dies under it: the postmaster is killed with
 * SIGKILL while the service runs. The service heals itself, without a restart: its watchdog starts
 * PostgreSQL again on the same data directory and port (crash recovery runs), the pool reconnects,
 * and requests answer 200 again. Meanwhile every request answers 503 JSON
 * {@code {message, reason: service_unavailable}} within the connection timeout, never 500 and never
 * a hang; {@code /ready} answers 503 and {@code /health} 200 (the process can still heal itself).
 * Every acknowledged write is there afterwards, nothing of a refused one, and new writes are stored.
 *
 * <p>A restart normally succeeds within a second or two. To hold the outage open long enough to look
 * at it, the second test makes the restarts fail for a while the way a leftover process would: the
 * data directory's {@code postmaster.pid} names a live process (a {@code sleep} the test started),
 * so PostgreSQL refuses to start until the test puts the file back.
 */
class EmbeddedDatabaseKilledTest {
    private static final String ORG = "postmaster-org";
    private static final long CONNECTION_TIMEOUT_MS = 1000;
    private static final String METRICS_TOKEN = "watchdog-metrics-token-0123";

    @TempDir
    Path dir;

    private InProcessService service;
    private Http http;
    private String admin;
    private String meter;
    private String counter;
    private HourlyCounter probe;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(10, ChronoUnit.DAYS);
    @RegisterExtension
    final WatchdogLog log = new WatchdogLog();

    @BeforeEach
    void start() {
        service = InProcessService.start(dir.resolve("service"), Map.of("METERING_DB_CONNECTION_TIMEOUT_MS",
                Long.toString(CONNECTION_TIMEOUT_MS), "METERING_DB_POOL_SIZE", "2", "METERING_METRICS_TOKEN", METRICS_TOKEN));
        http = service.http();
        admin = Tokens.admin(ORG);
        probe = new HourlyCounter(http, admin, "water", "{\"obis_number\":\"8-0:1.0.0\"}", base);
        meter = probe.meter();
        counter = probe.counter();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theServiceHealsItselfAfterItsPostgresIsKilled() {
        List<String> acknowledged = new ArrayList<>();
        for (int hour = 0; hour < 5; hour++) {
            assertThat(probe.write(hour, value(hour)).status()).isEqualTo(200);
            acknowledged.add(value(hour));
        }
        ProcessHandle postmaster = Postmasters.find(pgData()).orElseThrow();

        kill(postmaster);

        // writes right away, one after the other, until one is taken again
        List<Http.Reply> during = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int hour = 5; ; hour++) {
            long sent = System.nanoTime();
            Http.Reply r = probe.write(hour, value(hour));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).as("answered without hanging: %s", r)
                    .isLessThan(CONNECTION_TIMEOUT_MS + 5000);
            during.add(r);
            if (r.status() == 200) {
                acknowledged.add(value(hour));
                break;
            }
            assertThat(System.nanoTime()).as("the service heals within a minute; answers %s", during).isLessThan(deadline);
        }
        assertThat(during).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isIn(200, 503);
            if (r.status() == 503) {
                assertThat(r.isErrorBody()).as("%s", r).isTrue();
                assertThat(r.reason()).isEqualTo("service_unavailable");
            }
        });
        probe.awaitReady(log);
        assertThat(Postmasters.find(pgData())).as("a new postmaster serves the data directory").isPresent()
                .get().extracting(ProcessHandle::pid).isNotEqualTo(postmaster.pid());
        assertThat(probe.storedValues()).as("every acknowledged write, nothing else").containsExactlyElementsOf(acknowledged);
        assertThat(probe.write(100, value(100)).status()).as("a write after the recovery").isEqualTo(200);
        assertThat(probe.storedValues()).endsWith(value(100));
        assertThat(log.messages()).filteredOn(m -> m.contains("is gone")).as("one warning when it died").hasSize(1);
        log.await("is back after", Duration.ofMinutes(1));
        assertThat(ServiceMetricsTest.value(http.get("/metrics", METRICS_TOKEN).body(), "metering_embedded_database_restarts_total"))
                .as("the restart is counted").isEqualTo(1);
    }

    @Test
    void whileRestartsFailRequestsAnswer503AndTheServiceStaysLive() throws Exception {
        assertThat(probe.write(0, value(0)).status()).isEqualTo(200);
        ProcessHandle postmaster = Postmasters.find(pgData()).orElseThrow();
        Path pidFile = pgData().resolve("postmaster.pid");
        List<String> original = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Process holder = new ProcessBuilder("sleep", "300").start();
        try {
            List<String> held = new ArrayList<>(original);
            held.set(0, Long.toString(holder.pid()));
            Files.write(pidFile, held, StandardCharsets.UTF_8);

            kill(postmaster);
            log.await("failed (1 in a row", Duration.ofMinutes(1));

            List<Http.Reply> during = new ArrayList<>();
            during.add(probe.write(1, value(1)));
            during.add(http.get("/v1/metering/reading/" + meter + "/" + counter + "?size=-1", admin));
            during.add(http.get("/v1/metering/admin/meters/" + meter, admin));
            during.add(http.post("/v2/metering/readings", admin, "{\"readings\":[{\"meter_id\":\"" + meter + "\",\"counter_id\":\""
                    + counter + "\",\"value\":" + value(2) + ",\"source\":\"ERP\",\"timestamp\":\"" + base.plus(2, ChronoUnit.HOURS)
                    + "\"}]}"));
            assertThat(during).allSatisfy(r -> {
                assertThat(r.status()).as("%s", r).isEqualTo(503);
                assertThat(r.isErrorBody()).as("%s", r).isTrue();
                assertThat(r.reason()).isEqualTo("service_unavailable");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            });
            Http.Reply ready = http.get("/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.reason()).isEqualTo("not_ready");
            assertThat(http.get("/health", null).status()).as("live: the outage is younger than the grace period").isEqualTo(200);
        } finally {
            Files.write(pidFile, original, StandardCharsets.UTF_8);
            holder.destroyForcibly();
        }

        probe.awaitReady(log);
        assertThat(probe.storedValues()).as("the write before the outage; none of the refused ones").containsExactly(value(0));
        assertThat(probe.write(3, value(3)).status()).isEqualTo(200);
        assertThat(probe.storedValues()).containsExactly(value(0), value(3));
        assertThat(http.get("/health", null).status()).isEqualTo(200);
    }

    private Path pgData() {
        return dir.resolve("service").resolve("pgdata");
    }

    /** SIGKILL to the postmaster only, as the newcomer's {@code kill -9} did; its backends notice and exit. */
    private static void kill(ProcessHandle postmaster) {
        postmaster.destroyForcibly();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("postmaster " + postmaster.pid() + " survived SIGKILL", e);
        }
    }

    private static String value(int hour) {
        return Integer.toString(100 + 10 * hour);
    }

}
