package io.metering.bootstrap.cli;

import io.metering.adapters.persistence.backup.BackupException;
import io.metering.adapters.persistence.backup.StoreBackup;
import io.metering.bootstrap.BuildInfo;
import io.metering.bootstrap.MeteringServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code metering backup --to FILE}: a logical backup of every table of the configured store
 * ({@link StoreBackup}), consistent at one instant, restorable by {@code metering restore} on any
 * PostgreSQL major version. The file appears only when complete; an existing file is never replaced.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a backup of the store (every meter, counter, reading and changeset) to a file."
                + " With the embedded store, stop the service first.")
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--to", required = true, description = "The backup file to create; it must not exist.")
    Path to;

    @Override
    public Integer call() {
        if (Files.exists(to)) {
            System.err.println(to + " exists; name a new file");
            return 2;
        }
        Optional<MeteringServer> started = StoreCommands.start(System.err);
        if (started.isEmpty()) {
            return 1;
        }
        Path partial = to.resolveSibling(to.getFileName() + ".partial");
        try (MeteringServer server = started.get()) {
            Map<String, Long> rows;
            try (OutputStream out = Files.newOutputStream(partial)) {
                rows = new StoreBackup(server.dataSource()).backup(out, BuildInfo.current().version(), Clock.systemUTC());
            }
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("Backup written to " + to + ": " + StoreCommands.summary(rows) + " rows");
            return 0;
        } catch (BackupException | IOException e) {
            System.err.println("Backup failed, no file written: " + e.getMessage());
            deleteQuietly(partial);
            return 1;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the message above already says the backup failed
        }
    }
}
