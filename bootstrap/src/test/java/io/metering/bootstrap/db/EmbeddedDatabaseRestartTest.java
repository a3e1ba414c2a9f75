package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store survives a killed service: after SIGKILL the orphaned postmaster is detected
 * and stopped on the next start, committed data is there, and the server runs durable.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void restartAfterSigkillStopsTheOrphanAndKeepsCommittedData() throws Exception {
        Process child = startChild(dataDir, 42);
        try {
            assertThat(awaitReady(child)).startsWith("READY");
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(StalePostmaster.find(dataDir.resolve("pgdata")))
                .as("zonky's postmaster outlives the killed JVM")
                .isPresent();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            assertThat(query(db, "select id from survivor")).containsExactly("42");
            assertThat(query(db, "show fsync")).containsExactly("on");
            assertThat(query(db, "show synchronous_commit")).containsExactly("on");
        }
        assertThat(StalePostmaster.find(dataDir.resolve("pgdata"))).isEmpty();
    }

    @Test
    void anExistingClusterIsStartedByTheServiceDurableAndPrivateAndAFailedStartSaysWhy() throws Exception {
        EmbeddedDatabase.start(dataDir, 0).close(); // creates the cluster (zonky's initdb and first start)
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            // zonky's start passes -F (then fsync=on); the service's own start never does
            assertThat(Files.readString(dataDir.resolve("pgdata/postmaster.opts"), StandardCharsets.UTF_8)).doesNotContain("\"-F\"");
            assertThat(query(db, "show fsync")).containsExactly("on");
            assertThat(query(db, "show full_page_writes")).containsExactly("on");
            assertThat(query(db, "show listen_addresses")).containsExactly("127.0.0.1");
            assertThat(query(db, "show unix_socket_directories")).containsExactly(dataDir.toAbsolutePath().resolve("socket").toString());
        }
        assertThat(StalePostmaster.find(dataDir.resolve("pgdata"))).as("stopped on close").isEmpty();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, taken.getLocalPort()))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("pg_ctl start failed");
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir, 0)) {
            assertThat(query(again, "select 1")).containsExactly("1");
        }
    }

    @Test
    void otherLocalUsersCannotConnectWithoutThePassword() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(java.sql.SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "wrong").close())
                    .isInstanceOf(java.sql.SQLException.class);
            assertThat(query(db, "select 1")).containsExactly("1");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db-password")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedClearly() {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, 0))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("Another metering process uses the data directory");
            assertThat(first.port()).isPositive();
        }
    }

    private static Process startChild(Path dataDir, int value) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KilledServiceChild.class.getName());
        cmd.add(dataDir.toString());
        cmd.add(Integer.toString(value));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private String awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("READY")) {
                return line;
            }
        }
        throw new AssertionError("child did not get ready; data dir holds " + Files.list(dataDir).toList());
    }

    private static List<String> query(EmbeddedDatabase db, String sql) throws Exception {
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
