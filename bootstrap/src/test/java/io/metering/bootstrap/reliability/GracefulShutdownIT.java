package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.bootstrap.db.Postmasters;
import io.metering.testing.FreePorts;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM stops the service process gracefully. Four writes are held inside the service (the test
 * holds their counter's row lock in the service's own database, so they wait in their
 * transactions); SIGTERM arrives; the service stops accepting connections; only then the lock is
 * released. All four complete with 200 and are stored, and the embedded PostgreSQL stops cleanly:
 * its control file says "shut down", no server is left on the data directory, and the next start
 * finds no stale server to stop.
 */
class GracefulShutdownIT {
    private static final String ORG = "shutdown-org";
    private static final int IN_FLIGHT = 4;

    @TempDir
    Path dir;

    @Test
    void inFlightRequestsFinishAndTheDatabaseStopsCleanly() throws Exception {
        Path dataDir = dir.resolve("data");
        int httpPort = FreePorts.free();
        int dbPort = FreePorts.free();
        String admin = Tokens.admin(ORG);
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS);
        List<Http.Reply> answers = new ArrayList<>();
        String meter;
        String counter;
        try (ServiceProcess service = ServiceProcess.start(dataDir, httpPort, dbPort, "first")) {
            Seeder seed = new Seeder(service.http(), admin);
            meter = seed.meter("power", UUID.randomUUID().toString());
            counter = seed.counter(meter, "{\"obis_number\":\"1-0:1.8.0\"}");
            List<CompletableFuture<Http.Reply>> inFlight = new ArrayList<>();
            try (Connection blocker = service.database().connect()) {
                blocker.setAutoCommit(false);
                try (PreparedStatement lock = blocker.prepareStatement("SELECT id FROM counter WHERE id = CAST(? AS uuid) FOR UPDATE")) {
                    lock.setString(1, counter);
                    lock.executeQuery().close();
                }
                for (int i = 0; i < IN_FLIGHT; i++) {
                    String body = "{\"readings\":[{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter + "\",\"value\":" + (100 + i)
                            + ",\"source\":\"ERP\",\"external_id\":\"in-flight-" + i + "\",\"timestamp\":\"" + base.plus(i, ChronoUnit.MINUTES)
                            + "\"}]}";
                    inFlight.add(CompletableFuture.supplyAsync(() -> service.http().post("/v1/metering/readings", admin, body)));
                }
                awaitWaitingForLock(blocker, IN_FLIGHT);

                service.sigterm();
                service.awaitPortClosed();
                assertThat(inFlight).as("requests still running while the service stops").noneMatch(CompletableFuture::isDone);

                blocker.rollback();
            }
            for (CompletableFuture<Http.Reply> f : inFlight) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(service.awaitExit()).as("exit status after SIGTERM").isIn(0, 143);
            assertThat(service.log()).contains("Stopping", "Metering stopped");
        }

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
        assertThat(PgControl.state(dataDir.resolve("pgdata"))).as("pg_control state").isEqualTo(PgControl.SHUT_DOWN);
        assertThat(Postmasters.find(dataDir.resolve("pgdata"))).as("PostgreSQL left running").isEmpty();

        try (ServiceProcess again = ServiceProcess.start(dataDir, httpPort, dbPort, "second")) {
            assertThat(again.log()).doesNotContain("still serves");
            List<String> stored = new ArrayList<>();
            again.http().get("/v1/metering/reading/" + meter + "/" + counter + "?size=-1&start_date=" + base.minus(1, ChronoUnit.DAYS),
                    admin).json().get("results").forEach(n -> stored.add(n.get("external_id").asText() + "=" + n.get("value").asText()));
            assertThat(stored).containsExactly("in-flight-0=100", "in-flight-1=101", "in-flight-2=102", "in-flight-3=103");
        }
    }

    /** Waits until the service's sessions wait for the test's lock. */
    private static void awaitWaitingForLock(Connection c, int sessions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'metering'"
                            + " AND wait_event_type = 'Lock'")) {
                rs.next();
                if (rs.getInt(1) >= sessions) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("%d writes waiting for the counter lock", sessions).isLessThan(deadline);
            ServiceProcess.pause(50);
        }
    }
}
