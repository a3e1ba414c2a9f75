package io.metering.bootstrap.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.backup.BackupException;
import io.metering.adapters.persistence.backup.StoreBackup;
import io.metering.bootstrap.BuildInfo;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.ConfigurationException;
import io.metering.bootstrap.db.RunningEmbeddedServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code metering backup --to FILE}: a logical backup of every table of the configured store
 * ({@link StoreBackup}), consistent at one instant, restorable by {@code metering restore} on any
 * PostgreSQL major version. While a service runs on the embedded store, the backup is read through
 * that service's PostgreSQL server, so the service keeps serving; otherwise the store is started
 * for the backup. The file appears only when complete, readable by its owner only; an existing file
 * is never replaced.
 */
@Command(name = "backup", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Write a backup of the store (every meter, counter, reading and changeset) to a file."
                + " Works while the service runs.")
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--to", required = true, description = "The backup file to create; it must not exist.")
    Path to;

    @Override
    public Integer call() {
        if (Files.exists(to)) {
            System.err.println(to + " exists; name a new file");
            return 2;
        }
        Optional<RunningEmbeddedServer> running = runningEmbeddedServer();
        if (running.isPresent()) {
            // the service runs: back up through its server, without stopping it
            try (HikariDataSource pool = DataSources.pooled(running.get().jdbcUrl(), running.get().user(), running.get().password(),
                    DataSources.MIN_POOL_SIZE)) {
                return write(pool);
            } catch (RuntimeException e) {
                System.err.println("Backup failed, no file written: cannot reach the running embedded PostgreSQL: " + e.getMessage());
                return 1;
            }
        }
        Optional<MeteringServer> started = StoreCommands.start(System.err);
        if (started.isEmpty()) {
            return 1;
        }
        try (MeteringServer server = started.get()) {
            return write(server.dataSource());
        }
    }

    /** The embedded server of a service running on the configured data directory, if any. */
    private static Optional<RunningEmbeddedServer> runningEmbeddedServer() {
        try {
            Configuration config = Configuration.from(System.getenv());
            return config.embeddedStore() ? RunningEmbeddedServer.of(config.dataDir()) : Optional.empty();
        } catch (ConfigurationException e) {
            return Optional.empty(); // the regular start reports it
        }
    }

    private int write(DataSource store) {
        Path partial = to.resolveSibling(to.getFileName() + ".partial");
        try {
            Map<String, Long> rows;
            Files.deleteIfExists(partial); // left by a backup that was killed; created anew below, owner-only
            try (OutputStream out = new BufferedOutputStream(ownerOnly(partial), 1 << 16)) {
                rows = new StoreBackup(store).backup(out, BuildInfo.current().version(), Clock.systemUTC());
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

    /**
     * A new file readable by its owner only (0600) from its first byte: it holds every customer's
     * readings. File systems without POSIX permissions get a plain new file.
     */
    static OutputStream ownerOnly(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Channels.newOutputStream(Files.newByteChannel(file, options));
        }
        return Channels.newOutputStream(Files.newByteChannel(file, options,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the message above already says the backup failed
        }
    }
}
