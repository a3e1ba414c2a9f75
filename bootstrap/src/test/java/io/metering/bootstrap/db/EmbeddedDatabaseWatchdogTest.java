package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog on the real embedded server: a postmaster killed with SIGKILL is started again by
 * itself on the same data directory and port, durable and password-protected as before, with every
 * committed row; a graceful close stops the watching before the server, so nothing starts it again.
 */
class EmbeddedDatabaseWatchdogTest {
    @TempDir
    Path dataDir;

    @RegisterExtension
    final WatchdogLog log = new WatchdogLog();

    @Test
    void aKilledPostmasterIsStartedAgainWithTheSameSettingsAndData() throws Exception {
        AtomicInteger restarted = new AtomicInteger();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            execute(db, "CREATE TABLE survivor (id int)", "INSERT INTO survivor VALUES (7)");
            db.watch(Clock.systemUTC(), restarted::incrementAndGet);
            long killed = db.postmasterPid();
            // a restart is a start: it checks the binaries first and unpacks a changed copy again
            Path planted;
            try (var unpacked = java.nio.file.Files.list(dataDir.resolve("postgres-binaries"))) {
                planted = unpacked.filter(d -> d.getFileName().toString().startsWith("PG-")).findFirst().orElseThrow()
                        .resolve("bin/planted-tool");
            }
            java.nio.file.Files.writeString(planted, "#!/bin/sh\n");

            ProcessHandle postmaster = ProcessHandle.of(killed).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answers(db)) {
                assertThat(System.nanoTime()).as("the server is back within a minute").isLessThan(deadline);
                Thread.sleep(100);
            }
            // the server answers a moment before pg_ctl returns and the watchdog records the new process
            log.await("is back after", Duration.ofSeconds(10));
            assertThat(db.postmasterPid()).as("a new postmaster").isNotEqualTo(killed);
            assertThat(query(db, "select id from survivor")).containsExactly("7");
            assertThat(query(db, "show fsync")).containsExactly("on");
            assertThat(query(db, "show synchronous_commit")).containsExactly("on");
            assertThat(query(db, "show listen_addresses")).containsExactly("127.0.0.1");
            assertThat(query(db, "show port")).containsExactly(Integer.toString(db.port()));
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                    .as("still password-protected").isInstanceOf(SQLException.class);
            assertThat(restarted).hasValue(1);
            assertThat(planted).as("the binaries were checked and unpacked again before the restart").doesNotExist();
            String opts = java.nio.file.Files.readString(dataDir.resolve("pgdata").resolve("postmaster.opts"));
            assertThat(opts.split("\"-D\"", -1)).as("the data directory is named once: " + opts).hasSize(2);
            assertThat(log.messages()).filteredOn(m -> m.contains("is gone")).hasSize(1);
        }
        assertThat(Postmasters.find(dataDir.resolve("pgdata"))).as("the restarted server stops with close()").isEmpty();
    }

    @Test
    void aGracefulCloseIsNotUndoneByTheWatchdog() throws Exception {
        Path pgData = dataDir.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            db.watch(Clock.systemUTC(), () -> { });
            Thread.sleep(1500); // the watchdog has checked at least once
        }
        // three check intervals: a watchdog still running would have noticed the stop and started the server
        Thread.sleep(3 * PostmasterWatchdog.CHECK_INTERVAL.toMillis());
        assertThat(Postmasters.find(pgData)).as("PostgreSQL running after close").isEmpty();
        assertThat(log.messages()).as("watchdog log").isEmpty();
    }

    private static boolean answers(EmbeddedDatabase db) {
        try {
            return query(db, "select 1").equals(List.of("1"));
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(EmbeddedDatabase db, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static List<String> query(EmbeddedDatabase db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
