package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.adapters.persistence.backup.BackupException;
import io.metering.adapters.persistence.backup.StoreBackup;
import io.metering.testing.Http;
import io.metering.testing.ServiceCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore (docs/operations.md): a backup taken while the service runs restores into a
 * new store row for row, and the restored service answers as the old one did; a restore into a
 * store that holds data, or of a damaged file, stores nothing; and the {@code backup} command (beside
 * the running service, through its embedded server) and the {@code restore} command do the same
 * round trip from the command line.
 */
class BackupRestoreIT {
    @TempDir
    Path dir;

    @Test
    void aBackupOfARunningServiceRestoresRowForRowIntoANewStore() throws IOException {
        Path file = dir.resolve("store.backup");
        Map<String, String> before;
        String readings;
        String lastCursor;
        Map<String, String> restoredDigest;
        Fixture f;
        try (InProcessService a = InProcessService.start(dir.resolve("a"), Map.of())) {
            f = Fixture.seed(a.http(), "backup-org");
            readings = a.http().get("/v1/metering/reading/" + f.meter() + "/" + f.counter() + "?size=-1&start_date=2024-01-01", f.adminToken())
                    .body();
            Http.Reply feed = a.http().get("/v1/metering/events?limit=1000", f.adminToken());
            assertThat(feed.json().get("events").size()).as("the seed's events").isGreaterThan(5);
            lastCursor = feed.json().get("next").asText();
            try (OutputStream out = Files.newOutputStream(file)) {
                Map<String, Long> rows = new StoreBackup(a.dataSource()).backup(out, "test", Clock.systemUTC());
                assertThat(rows).containsEntry("reading", 5L).containsEntry("changeset", 1L).containsEntry("meter", 4L);
            }
            before = digest(a);
        }

        try (InProcessService b = InProcessService.start(dir.resolve("b"), Map.of())) {
            try (InputStream in = Files.newInputStream(file)) {
                new StoreBackup(b.dataSource()).restore(in);
            }
            assertThat(digest(b)).isEqualTo(before);
            assertThat(b.http().get("/v1/metering/reading/" + f.meter() + "/" + f.counter() + "?size=-1&start_date=2024-01-01", f.adminToken())
                    .body()).isEqualTo(readings);

            // another cluster, whose transaction ids may lie below the restored positions: a consumer holding the
            // last cursor of the old store still gets the new store's events (docs/events.md "Backup and restore")
            // (the old feed may have held back its newest events a moment: they are restored, so read up to them first)
            String restoredCursor = b.http().get("/v1/metering/events?limit=1000&after=" + lastCursor, f.adminToken()).json().get("next")
                    .asText();
            assertThat(b.http().post("/v1/metering/reading", f.adminToken(), "{\"meter_id\":\"" + f.meter() + "\",\"counter_id\":\""
                    + f.counter() + "\",\"value\":1006,\"source\":\"ERP\",\"timestamp\":\"2024-05-06T00:00:00Z\"}").status()).isEqualTo(200);
            var after = b.http().get("/v1/metering/events?wait=10&after=" + restoredCursor, f.adminToken()).json().get("events");
            assertThat(after).hasSize(1);
            assertThat(after.get(0).get("type").asText()).isEqualTo("io.metering.reading.created");
            assertThat(after.get(0).get("data").get("value").decimalValue()).isEqualByComparingTo("1006");
            restoredDigest = digest(b);

            try (InputStream again = Files.newInputStream(file)) {
                assertThatThrownBy(() -> new StoreBackup(b.dataSource()).restore(again)).isInstanceOf(BackupException.class)
                        .hasMessageContaining("already holds data");
            }
            assertThat(digest(b)).as("a refused restore changes nothing").isEqualTo(restoredDigest);
        }
    }

    @Test
    void aDamagedBackupStoresNothing() throws IOException {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        try (InProcessService a = InProcessService.start(dir.resolve("a"), Map.of())) {
            Fixture.seed(a.http(), "damaged-org");
            new StoreBackup(a.dataSource()).backup(backup, "test", Clock.systemUTC());
        }
        byte[] whole = backup.toByteArray();
        try (InProcessService c = InProcessService.start(dir.resolve("c"), Map.of())) {
            Map<String, String> empty = digest(c);
            // cut inside the tables' entries (a cut only into the ZIP's closing directory leaves every row there)
            byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
            assertThatThrownBy(() -> new StoreBackup(c.dataSource()).restore(new ByteArrayInputStream(cut)))
                    .isInstanceOfAny(BackupException.class, IOException.class);
            assertThatThrownBy(() -> new StoreBackup(c.dataSource()).restore(new ByteArrayInputStream("not a backup".getBytes())))
                    .isInstanceOf(BackupException.class).hasMessageContaining("not a metering backup");
            assertThat(digest(c)).as("nothing stored").isEqualTo(empty);
        }
    }

    @Test
    void theCommandsMakeTheSameRoundTripTheBackupWhileTheServiceRuns() throws Exception {
        Path file = dir.resolve("cli.backup");
        Map<String, String> before;
        try (InProcessService a = InProcessService.start(dir.resolve("a"), Map.of())) {
            Fixture.seed(a.http(), "cli-org");
            before = digest(a);
            assertThat(run(dir.resolve("a"), "backup", "--to", file.toString())).contains("Backup written to").contains("reading 5");
            assertThat(Files.getPosixFilePermissions(file)).as("every customer's readings: owner only")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(a.http().get("/ready", null).status()).as("the service kept serving").isEqualTo(200);
        }
        assertThat(run(dir.resolve("b"), "restore", "--from", file.toString())).contains("Restored from").contains("reading 5")
                .contains("signed with METERING_JWT_SECRET");
        String withoutSecret = run(0, dir.resolve("d"), Map.of(), "restore", "--from", file.toString());
        assertThat(withoutSecret).as("it generates no secret, then tells to copy the old one in")
                .doesNotContain("generated a development secret").contains("the restore created none")
                .contains("copy jwt-secret from the old data directory to " + dir.resolve("d").resolve("jwt-secret"));
        assertThat(dir.resolve("d").resolve("jwt-secret")).doesNotExist();
        try (InProcessService b = InProcessService.start(dir.resolve("b"), Map.of())) {
            assertThat(digest(b)).isEqualTo(before);
        }
    }

    @Test
    void aDamagedFileIsRefusedInWordsBeforeAStoreIsCreated() throws Exception {
        Path file = dir.resolve("whole.backup");
        try (InProcessService a = InProcessService.start(dir.resolve("a"), Map.of())) {
            Fixture.seed(a.http(), "cut-org");
            try (OutputStream out = Files.newOutputStream(file)) {
                new StoreBackup(a.dataSource()).backup(out, "test", Clock.systemUTC());
            }
        }
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("damaged.zip");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path empty = Files.createDirectories(dir.resolve("empty"));

        String output = run(2, empty, "restore", "--from", cut.toString());

        assertThat(output).contains("the backup file is damaged or incomplete").doesNotContain("Restored from");
        try (var created = Files.list(empty)) {
            assertThat(created).as("no store created for a damaged file").isEmpty();
        }
    }

    /** Runs the command line's main with the data directory; fails unless it exits 0. @return its output */
    private String run(Path dataDir, String... args) throws Exception {
        return run(0, dataDir, args);
    }

    /** Runs the command line's main with the data directory; fails unless it exits with {@code status}. @return its output */
    private String run(int status, Path dataDir, String... args) throws Exception {
        return run(status, dataDir, Map.of("METERING_JWT_SECRET", Tokens.SECRET), args);
    }

    /** As {@link #run(int, Path, String...)}, with {@code env} instead of the test's JWT secret. */
    private String run(int status, Path dataDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = ServiceCommand.of(List.of(), List.of(args));
        Path out = dir.resolve(args[0] + ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("METERING_DATA_DIR", dataDir.toString());
        pb.environment().remove("METERING_JWT_SECRET");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(p.exitValue()).as("%s exits %d; output:%n%s", args[0], status, output).isEqualTo(status);
        return output;
    }

    /**
     * Every row of every table but Flyway's history, whose installation times differ by store, and the
     * change events' epoch, which a restore sets for its own cluster (docs/events.md "Backup and restore").
     */
    private static Map<String, String> digest(InProcessService service) {
        Map<String, String> digest = new TreeMap<>(DatabaseDigest.of(service.embeddedDatabase()));
        digest.remove("flyway_schema_history");
        digest.remove("change_event_epoch");
        return digest;
    }
}
