package io.metering.application.model;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import java.time.Instant;
import java.util.Objects;

/**
 * A place in the queue of implausible readings, which runs by timestamp, then counter id, then
 * direction (all ascending or all descending): the queue continues strictly after it.
 *
 * @param timestamp instant of the last reading seen
 * @param counterId its counter
 * @param direction its direction
 */
public record ReadingQueuePosition(Instant timestamp, CounterId counterId, Direction direction) {
    /** @throws NullPointerException if a part is null */
    public ReadingQueuePosition {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(counterId, "counterId");
        Objects.requireNonNull(direction, "direction");
    }
}
