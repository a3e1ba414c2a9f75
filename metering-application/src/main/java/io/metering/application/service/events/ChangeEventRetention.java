package io.metering.application.service.events;

import io.metering.application.port.out.ChangeEventStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Deletes change events older than the retention period ({@code METERING_EVENTS_RETENTION},
 * docs/events.md "Retention"). Run on a schedule by the server; harmless when several instances run
 * it at once (each deletes what is left, the horizon only moves forward).
 */
public final class ChangeEventRetention {
    private final ChangeEventStore events;
    private final Clock clock;
    private final Duration retention;

    /**
     * @param events the outbox
     * @param clock the service's clock
     * @param retention how long events are kept, positive
     */
    public ChangeEventRetention(ChangeEventStore events, Clock clock, Duration retention) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        this.retention = retention;
    }

    /** @return how many events it deleted */
    public int purge() {
        return events.purgeBefore(clock.instant().minus(retention));
    }

    /** The retention period. */
    public Duration retention() {
        return retention;
    }
}
