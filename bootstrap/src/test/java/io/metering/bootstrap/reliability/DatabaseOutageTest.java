package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.Http;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on an external PostgreSQL that goes away and comes back (a server the test stops and
 * starts at the same address). While it is down, every request that needs it answers 503 with JSON
 * {@code {message, reason: service_unavailable}} and a {@code Retry-After} header, within the
 * configured connection timeout instead of hanging; {@code /ready} answers 503 and {@code /health}
 * 200. Once it is back the same service process serves again, with the data written before the
 * outage and nothing of the failed writes. A session killed under a running write answers 503 too
 * and stores nothing.
 *
 * <p>The pool holds two connections, so most requests during the outage go past the broken pooled
 * connections to the path that waits for a new one (1.5 s here) and gives up.
 */
class DatabaseOutageTest {
    private static final String ORG = "outage-org";

    @TempDir
    Path dir;

    private ExternalPostgres database;
    private InProcessService service;
    private Http http;
    private String admin;
    private String meter;
    private String counter;
    private HourlyCounter probe;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(5, ChronoUnit.DAYS);

    @BeforeEach
    void start() {
        database = ExternalPostgres.start(dir.resolve("external-pg"));
        service = InProcessService.start(dir.resolve("service"), Map.of("METERING_JDBC_URL", database.jdbcUrl(),
                "METERING_DB_CONNECTION_TIMEOUT_MS", "1500", "METERING_DB_POOL_SIZE", "2"));
        http = service.http();
        admin = Tokens.admin(ORG);
        probe = new HourlyCounter(http, admin, "gas", "{\"obis_number\":\"7-0:3.0.0\"}", base);
        meter = probe.meter();
        counter = probe.counter();
    }

    @AfterEach
    void stop() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            database.close();
        }
    }

    @Test
    void anOutageAnswers503AndTheServiceResumesWhenTheDatabaseIsBack() {
        assertThat(probe.write(0, "100").status()).isEqualTo(200);
        assertThat(http.get("/ready", null).status()).isEqualTo(200);

        database.stop();

        List<Http.Reply> during = new ArrayList<>();
        during.add(probe.write(1, "110"));
        during.add(http.get("/v1/metering/reading/" + meter + "/" + counter + "?size=-1", admin));
        during.add(http.get("/v1/metering/admin/meters/" + meter, admin));
        during.add(http.patch("/v1/metering/admin/meters/" + meter, admin, "{\"manufacturer\":\"ACME\"}"));
        during.add(http.post("/v2/metering/readings", admin, "{\"readings\":[{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter
                + "\",\"value\":120,\"source\":\"ERP\",\"timestamp\":\"" + base.plus(2, ChronoUnit.HOURS) + "\"}]}"));
        assertThat(during).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(503);
            assertThat(r.isErrorBody()).as("%s", r).isTrue();
            assertThat(r.reason()).isEqualTo("service_unavailable");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        });
        Http.Reply ready = http.get("/ready", null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.isErrorBody()).isTrue();
        assertThat(ready.reason()).isEqualTo("not_ready");
        assertThat(http.get("/health", null).status()).as("liveness never asks the database").isEqualTo(200);

        database.start();

        probe.awaitReady("after the database's return");
        assertThat(probe.write(3, "130").status()).isEqualTo(200);
        assertThat(probe.storedValues()).as("the write before the outage and the one after; none of the failed ones")
                .containsExactly("100", "130");
        assertThat(http.get("/v1/metering/admin/meters/" + meter, admin).json().get("data").has("manufacturer")).isFalse();
    }

    @Test
    void aSessionKilledUnderARunningWriteAnswers503AndStoresNothing() throws Exception {
        try (Connection blocker = database.database().connect();
                Connection killer = database.database().connect()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT id FROM counter WHERE id = CAST(? AS uuid) FOR UPDATE")) {
                lock.setString(1, counter);
                lock.executeQuery().close();
            }
            // the write now waits for the counter lock, inside its transaction
            CompletableFuture<Http.Reply> pending = CompletableFuture.supplyAsync(() -> probe.write(0, "100"));
            int backend = awaitBackendWaitingForLock(killer);
            try (Statement s = killer.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + backend + ")");
            }
            Http.Reply reply = pending.get(60, TimeUnit.SECONDS);
            blocker.rollback();

            assertThat(reply.status()).as("%s", reply).isEqualTo(503);
            assertThat(reply.isErrorBody()).isTrue();
            assertThat(reply.reason()).isEqualTo("service_unavailable");
        }
        assertThat(probe.storedValues()).isEmpty();
        assertThat(probe.write(1, "100").status()).as("the pool replaced the killed connection").isEqualTo(200);
    }

    private static int awaitBackendWaitingForLock(Connection c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = 'metering'"
                            + " AND wait_event_type = 'Lock'")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            assertThat(System.nanoTime()).as("the write reached the counter lock").isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
