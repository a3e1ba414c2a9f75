package io.metering.bootstrap.cli;

import io.metering.adapters.persistence.backup.BackupException;
import io.metering.adapters.persistence.backup.StoreBackup;
import io.metering.bootstrap.MeteringServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code metering restore --from FILE}: loads a backup of {@code metering backup} into the
 * configured store, which must be empty (a new data directory, or an empty database), all or
 * nothing. Also the way across a PostgreSQL major version (docs/operations.md, "Upgrading").
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Load a backup written by 'metering backup' into an empty store, all or nothing."
                + " With the embedded store, stop the service first.")
final class RestoreCommand implements Callable<Integer> {
    /** Printed after a restore: a backup holds data, not secrets (docs/operations.md "Backup and restore"). */
    static final String SECRETS_NOTE = "Note: the backup holds no secrets. Tokens issued before stay valid only if this store uses"
            + " the same signing secret: copy jwt-secret from the old data directory into the new one, or set METERING_JWT_SECRET"
            + " (the embedded store's db-password is new and needs no copy).";

    @Option(names = "--from", required = true, description = "The backup file.")
    Path from;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(from)) {
            System.err.println("Cannot read " + from);
            return 2;
        }
        try (InputStream in = Files.newInputStream(from)) {
            // a damaged file is refused before a store is created for it
            StoreBackup.check(in);
        } catch (BackupException | IOException e) {
            System.err.println("Restore refused, nothing was created: " + e.getMessage());
            return 2;
        }
        Optional<MeteringServer> started = StoreCommands.start(System.err);
        if (started.isEmpty()) {
            return 1;
        }
        try (MeteringServer server = started.get(); InputStream in = Files.newInputStream(from)) {
            Map<String, Long> rows = new StoreBackup(server.dataSource()).restore(in);
            System.out.println("Restored from " + from + ": " + StoreCommands.summary(rows) + " rows");
            System.out.println(SECRETS_NOTE);
            return 0;
        } catch (BackupException | IOException e) {
            System.err.println("Restore refused, nothing was stored: " + e.getMessage());
            return 2;
        }
    }
}
