package io.metering.bootstrap.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default store: a PostgreSQL server embedded with zonky, whose data lives in a directory that
 * survives restarts. Durable: {@code fsync} and {@code synchronous_commit} are on (zonky turns both
 * off by default).
 *
 * <p>The data directory is locked for the life of this object, so two service instances can never
 * share it; a server left running by a killed instance is stopped before start. While the service
 * runs, a {@link PostmasterWatchdog} ({@link #watch}) starts the server again if it dies. The
 * binaries it runs are checked before each start ({@link PostgresBinaries}); docs/security.md.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** zonky's format, kept for both ways of starting. */
    private static final String JDBC_URL = "jdbc:postgresql://localhost:%d/postgres?user=postgres";

    /** Stops the server: zonky's for a cluster it created, else {@link Postmaster#stop}. */
    private final Closeable server;
    private final int port;
    private final String password;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Postmaster postmaster;
    private PostmasterWatchdog watchdog;

    private EmbeddedDatabase(Closeable server, int port, String password, FileChannel lockChannel, FileLock lock,
            Postmaster postmaster) {
        this.server = server;
        this.port = port;
        this.password = password;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postmaster = postmaster;
    }

    /**
     * Starts (or restarts) the embedded server on {@code dataDir/pgdata}.
     *
     * @param dataDir the service's data directory; created owner-only (0700) when missing, tightened to
     *     0700 when it exists, refused when another user owns it (see {@link PrivateDirectory})
     * @param port the server port, 0 for any free port
     * @return the running database
     * @throws EmbeddedDatabaseException with a clear message when the directory is in use or the
     *     server cannot start
     */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        FileChannel channel = null;
        try {
            PrivateDirectory.secure(dataDir, "data directory");
            channel = FileChannel.open(dataDir.resolve("metering.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, dataDir);
            Path pgData = dataDir.resolve("pgdata");
            StalePostmaster.stopIfRunning(pgData);
            int actualPort = port == 0 ? freePort() : port;
            String password = DatabasePassword.resolve(dataDir);
            long started = System.nanoTime();
            PostgresBinaries binaries = PostgresBinaries.prepare(dataDir);
            Postmaster postmaster;
            Closeable server;
            // zonky waits for a start in steps of 100 ms and rereads its 15 MB archive: only a new cluster needs its initdb
            if (Files.exists(pgData.resolve("postgresql.conf"))) {
                postmaster = Postmaster.start(pgData, actualPort, binaries.directory().resolve("bin/pg_ctl"),
                        serverOptions(dataDir, actualPort));
                Postmaster own = postmaster;
                server = () -> stopLogged(own);
            } else {
                server = cluster(dataDir, actualPort, password, binaries).start();
                postmaster = null;
            }
            try {
                binaries.tighten();
                DatabasePassword.enforce(JDBC_URL.formatted(actualPort), password, pgData);
                if (postmaster == null) {
                    postmaster = Postmaster.running(pgData, actualPort);
                }
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            LOG.info("Embedded PostgreSQL ready on 127.0.0.1:{} with data in {} ({} ms)", actualPort, pgData,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(server, actualPort, password, channel, lock, postmaster);
        } catch (EmbeddedDatabaseException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new EmbeddedDatabaseException("The embedded PostgreSQL could not start in " + dataDir + ": " + rootMessage(e)
                    + ". If this runs as root in a container that blocks user namespaces (unshare), run the service as a"
                    + " non-root user, or point METERING_JDBC_URL at an external PostgreSQL.", e);
        }
    }

    /**
     * How the embedded server is created and started: from the checked binaries, durable, on
     * 127.0.0.1, with its Unix socket in a private directory, and created by initdb with the
     * password and scram-sha-256 from its first second (no {@code trust} line ever exists).
     */
    static EmbeddedPostgres.Builder cluster(Path dataDir, int port, String password, PostgresBinaries binaries)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
                .setConnectConfig("password", password)
                .setDataDirectory(dataDir.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(port)
                // initdb runs "-A trust" first; these later options win (initdb reads them in order)
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", DatabasePassword.file(dataDir).toString())
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's own JVM shutdown hook would stop the server while HTTP still drains
                // in-flight requests (hooks run concurrently); close() is called in order instead
                .setRegisterShutdownHook(false);
        serverConfig(dataDir).forEach(builder::setServerConfig);
        return builder;
    }

    /** The server settings of every start: durable, on 127.0.0.1, its Unix socket private. */
    private static Map<String, String> serverConfig(Path dataDir) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fsync", "on");
        config.put("synchronous_commit", "on");
        config.put("full_page_writes", "on");
        config.put("listen_addresses", "127.0.0.1");
        config.put("unix_socket_directories", socketDirectory(dataDir));
        return config;
    }

    /** The server's command-line options on {@code port}, as zonky passes them ({@code pg_ctl -o}, read by a shell). */
    private static String serverOptions(Path dataDir, int port) throws IOException {
        return "-p " + port + serverConfig(dataDir).entrySet().stream()
                .map(e -> " -c " + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
    }

    /**
     * The server's Unix socket directory, owner-only in the data directory; none at all (the
     * service connects over TCP) when that path would pass the kernel's 107-byte socket path limit.
     */
    private static String socketDirectory(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().resolve("socket");
        if (dir.toString().getBytes(StandardCharsets.UTF_8).length + "/.s.PGSQL.65535".length() > 107) {
            LOG.info("The data directory's path is too long for a Unix socket in it; the embedded PostgreSQL listens on TCP only");
            return "''";
        }
        return PrivateDirectory.secure(dir, "socket directory of the embedded PostgreSQL").toString();
    }

    /** JDBC URL of the server's {@code postgres} database. */
    public String jdbcUrl() {
        return JDBC_URL.formatted(port);
    }

    /** The database user. */
    public String user() {
        return "postgres";
    }

    /** The database password (generated once, kept owner-only in the data directory). */
    public String password() {
        return password;
    }

    /** The server port. */
    public int port() {
        return port;
    }

    /** The postmaster's current process id (it changes when the watchdog starts the server again). */
    public long postmasterPid() {
        return postmaster.pid();
    }

    /**
     * Starts watching the server: from now on, if its process dies, it is started again (see
     * {@link PostmasterWatchdog}). {@link #close()} stops the watching before it stops the server.
     *
     * @param clock the time of outages and back-off
     * @param onRestarted runs after each restart, e.g. to drop pooled connections to the dead server
     * @return the watchdog, whose {@link PostmasterWatchdog#failure()} tells liveness
     * @throws IllegalStateException if already watched
     */
    public synchronized PostmasterWatchdog watch(Clock clock, Runnable onRestarted) {
        if (watchdog != null) {
            throw new IllegalStateException("the embedded PostgreSQL is already watched");
        }
        watchdog = PostmasterWatchdog.start(postmaster, clock, onRestarted);
        return watchdog;
    }

    /** Stops the watchdog first (a server being stopped must not be started again), then the server cleanly, and releases the data directory. */
    @Override
    public void close() {
        synchronized (this) {
            if (watchdog != null) {
                watchdog.close();
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the embedded PostgreSQL failed", e);
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel close below releases it as well
            }
            closeQuietly(lockChannel);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dataDir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new EmbeddedDatabaseException("Another metering process uses the data directory " + dataDir
                    + "; stop it or set METERING_DATA_DIR to another directory.", null);
        }
        return lock;
    }

    /** As zonky's close: a server that does not stop is logged, and the data directory released all the same. */
    private static void stopLogged(Postmaster postmaster) {
        try {
            postmaster.stop();
        } catch (IOException e) {
            LOG.error("Could not stop the embedded PostgreSQL ({})", postmaster, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
