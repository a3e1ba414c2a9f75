package io.metering.bootstrap.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a PostgreSQL server left running on a data directory by a service process that
 * was killed (SIGKILL leaves zonky's postmaster alive; measured, see EmbeddedDatabaseRestartTest). Only called while this
 * process holds the data directory's lock, so a live server found there belongs to no running
 * service.
 */
final class StalePostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {}

    /**
     * Stops the postmaster named by {@code postmaster.pid} in the data directory if it still runs.
     * Asks for a fast shutdown first (SIGINT: abort sessions, checkpoint, exit cleanly) and kills
     * it only if that does not finish in time; PostgreSQL's crash recovery covers the rest.
     *
     * @param pgData the PostgreSQL data directory
     * @throws IOException if the pid file cannot be read
     */
    static void stopIfRunning(Path pgData) throws IOException {
        Optional<ProcessHandle> stale = find(pgData);
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle process = stale.get();
        LOG.warn("A PostgreSQL server (pid {}) from an earlier, killed run still serves {}; stopping it before start",
                process.pid(), pgData);
        signal(process.pid(), "INT");
        try {
            process.onExit().get(FAST_SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            LOG.warn("PostgreSQL pid {} did not stop within {}; killing it", process.pid(), FAST_SHUTDOWN_WAIT);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("could not stop the stale PostgreSQL server pid " + process.pid(), e);
            }
        }
        LOG.info("Stale PostgreSQL server pid {} stopped", process.pid());
    }

    /** The live postmaster of the data directory, if its pid file names a running postgres process. */
    static Optional<ProcessHandle> find(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // a recycled pid may belong to an unrelated process: require a postgres binary serving this directory
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(p -> samePath(Path.of(lines.get(1).trim()), pgData));
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling pid " + pid, e);
        }
    }
}
