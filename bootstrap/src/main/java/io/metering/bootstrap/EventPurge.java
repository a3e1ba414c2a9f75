package io.metering.bootstrap;

import io.metering.application.service.events.ChangeEventRetention;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the change event purge ({@link ChangeEventRetention}) a minute after the service starts
 * serving and then every {@link #PERIOD}, on a daemon thread of its own. Several instances on one
 * database may all run it: each deletes what is left. A failed run (database down) is logged and
 * tried again next period.
 */
final class EventPurge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPurge.class);
    /** How often the purge runs. */
    static final Duration PERIOD = Duration.ofHours(1);
    private static final Duration FIRST = Duration.ofMinutes(1);

    private final ChangeEventRetention retention;
    private ScheduledExecutorService scheduler;

    EventPurge(ChangeEventRetention retention) {
        this.retention = retention;
    }

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-purge");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runOnce, FIRST.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    private void runOnce() {
        try {
            int purged = retention.purge();
            if (purged > 0) {
                LOG.info("Purged {} change event(s) older than {}", purged, retention.retention());
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging old change events failed; tried again in {}", PERIOD, e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
