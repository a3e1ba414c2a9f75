package io.metering.bootstrap.cli;

import io.metering.adapters.persistence.backup.BackupException;
import io.metering.adapters.persistence.backup.StoreBackup;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.JwtSecrets;
import io.metering.bootstrap.config.TokenConfiguration;
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
@Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Load a backup written by 'metering backup' into an empty store, all or nothing."
                + " With the embedded store, stop the service first.")
final class RestoreCommand implements Callable<Integer> {
    /**
     * Printed after a restore: what became of the signing secret (docs/operations.md "Backup and
     * restore"). A backup holds data, not secrets, and the restore creates none, so the note names
     * the secret the restored store's service will sign with.
     */
    static String secretsNote(Configuration config) {
        String lead = "Note: the backup holds no secrets and the restore created none.";
        TokenConfiguration tokens = config.tokens();
        if (tokens.secret().isPresent()) {
            return lead + " Tokens are signed with METERING_JWT_SECRET: tokens issued before stay valid if it is the secret the old"
                    + " store signed with.";
        }
        if (tokens.hasJwks()) {
            return lead + " Tokens are verified with the configured JWK set, which the backup does not touch.";
        }
        Path secret = JwtSecrets.file(config);
        if (Files.exists(secret)) {
            return lead + " " + secret + " was there before and is kept: tokens signed with it stay valid.";
        }
        return lead + " Tokens issued before stay valid only with the old signing secret: copy jwt-secret from the old data"
                + " directory to " + secret + " (owner-only) before starting the service, or set METERING_JWT_SECRET. Otherwise the"
                + " service generates a new secret on its first start and refuses every token issued before."
                + (config.embeddedStore() ? " The embedded store's db-password is new and needs no copy." : "");
    }

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
            System.out.println(secretsNote(Configuration.from(System.getenv())));
            return 0;
        } catch (BackupException | IOException e) {
            System.err.println("Restore refused, nothing was stored: " + e.getMessage());
            return 2;
        }
    }
}
