package io.metering.bootstrap.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL running while the service runs: once a second it checks that the
 * postmaster process still lives (no connection, no query), and when it is gone (killed, crashed,
 * stopped by hand) starts it again on the same data directory and port with the same settings.
 * Restarts that fail are retried after 1 s, 2 s, 4 s and so on, at most {@link #MAX_BACKOFF} apart.
 *
 * <p>When the server stays down for more than {@link #LIVENESS_GRACE} and restarting it failed,
 * {@link #failure()} says so: the process cannot heal itself and asks, through {@code GET /health},
 * to be restarted.
 *
 * <p>{@link #close()} stops the watchdog and waits for a restart in progress, so that a graceful
 * stop that stops the database afterwards is never undone by a restart.
 */
public final class PostmasterWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);
    /** How often the postmaster is looked at. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** Wait after the first failed restart; doubled after each further one. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** The longest wait between restart attempts. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How long the server may stay down, with restarts failing, before the process reports itself not live. */
    public static final Duration LIVENESS_GRACE = Duration.ofSeconds(30);

    /** The watched server. */
    interface Server {
        /** @return whether the server process runs; cheap, called every {@link #CHECK_INTERVAL} */
        boolean running();

        /**
         * Starts the server again, returning once it accepts connections.
         *
         * @throws Exception if it could not be started
         */
        void restart() throws Exception;
    }

    /** A server outage: since when, how many restarts failed, when the next one may run. */
    private record Outage(Instant since, int failedRestarts, Instant nextAttempt) {}

    private final Server server;
    private final Clock clock;
    private final Runnable onRestarted;
    private volatile Outage outage;
    private volatile boolean stopped;
    private ScheduledExecutorService scheduler;

    /**
     * A watchdog that checks only when {@link #check()} is called (tests); {@link #start} runs one
     * on its own thread.
     *
     * @param server the watched server
     * @param clock the time of outages and back-off
     * @param onRestarted runs after each successful restart (e.g. drops pooled connections to the dead server)
     */
    PostmasterWatchdog(Server server, Clock clock, Runnable onRestarted) {
        this.server = Objects.requireNonNull(server, "server");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onRestarted = Objects.requireNonNull(onRestarted, "onRestarted");
    }

    /** Starts watching on a daemon thread, every {@link #CHECK_INTERVAL}. */
    static PostmasterWatchdog start(Server server, Clock clock, Runnable onRestarted) {
        PostmasterWatchdog watchdog = new PostmasterWatchdog(server, clock, onRestarted);
        watchdog.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
        long interval = CHECK_INTERVAL.toMillis();
        watchdog.scheduler.scheduleWithFixedDelay(watchdog::checkSafely, interval, interval, TimeUnit.MILLISECONDS);
        return watchdog;
    }

    /**
     * One round: notices an outage, restarts the server when the back-off allows, notices the
     * recovery. Runs on one thread at a time.
     */
    void check() {
        if (stopped) {
            return;
        }
        Outage current = outage;
        if (server.running()) {
            if (current != null) {
                // back without this round's restart: a previous start that timed out finished its recovery
                recovered(current);
            }
            return;
        }
        Instant now = clock.instant();
        if (current == null) {
            current = new Outage(now, 0, now);
            outage = current;
            LOG.warn("The embedded PostgreSQL server ({}) is gone; starting it again on the same data directory and port",
                    server);
        }
        if (now.isBefore(current.nextAttempt()) || stopped) {
            return;
        }
        try {
            server.restart();
        } catch (Exception e) {
            int failures = current.failedRestarts() + 1;
            Duration wait = backoff(failures);
            outage = new Outage(current.since(), failures, clock.instant().plus(wait));
            LOG.warn("Starting the embedded PostgreSQL server failed ({} in a row, down for {} s); next attempt in {} s: {}",
                    failures, Duration.between(current.since(), clock.instant()).toSeconds(), wait.toSeconds(), e.getMessage());
            return;
        }
        recovered(current);
    }

    /** The wait after the given number of consecutive failed restarts: 1 s, 2 s, 4 s, ..., at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int failedRestarts) {
        int doublings = Math.min(Math.max(failedRestarts - 1, 0), 16);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void recovered(Outage past) {
        outage = null;
        LOG.info("The embedded PostgreSQL server ({}) is back after {} ms of outage ({} failed restart{} before)", server,
                Duration.between(past.since(), clock.instant()).toMillis(), past.failedRestarts(),
                past.failedRestarts() == 1 ? "" : "s");
        try {
            onRestarted.run();
        } catch (RuntimeException e) {
            LOG.warn("After the restart of the embedded PostgreSQL: {}", e.toString());
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule and end the watching for good
            LOG.warn("Watching the embedded PostgreSQL failed: {}", e.toString());
        }
    }

    /**
     * Liveness: whether the process needs a restart because the server has been down for more than
     * {@link #LIVENESS_GRACE} and restarting it failed. A first restart still running (crash
     * recovery may take a while) does not count: restarting the process would only begin it again.
     *
     * @return empty while the process can heal itself, else why not
     */
    public Optional<String> failure() {
        Outage current = outage;
        if (current == null || current.failedRestarts() == 0) {
            return Optional.empty();
        }
        Duration down = Duration.between(current.since(), clock.instant());
        if (down.compareTo(LIVENESS_GRACE) <= 0) {
            return Optional.empty();
        }
        return Optional.of("the embedded PostgreSQL has been down for " + down.toSeconds() + " s and "
                + current.failedRestarts() + " restart" + (current.failedRestarts() == 1 ? "" : "s") + " of it failed");
    }

    /** Stops watching; waits for a restart in progress to finish, so none follows this call. Idempotent. */
    @Override
    public void close() {
        stopped = true;
        if (scheduler == null) {
            return;
        }
        // shutdown, not shutdownNow: interrupting pg_ctl mid-start could leave a server nobody stops
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(Postmaster.START_WAIT.plusSeconds(40).toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The embedded PostgreSQL watchdog did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
