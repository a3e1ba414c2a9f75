package io.metering.domain.reading;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import java.util.Objects;

/**
 * Identity of one time series: the readings of one counter in one direction. Ordering rules and
 * relative values are defined within a series (docs/domain.md#writing-readings).
 *
 * @param counterId the counter
 * @param direction the direction
 */
public record SeriesKey(CounterId counterId, Direction direction) implements Comparable<SeriesKey> {
    /** @throws NullPointerException if a part is null */
    public SeriesKey {
        Objects.requireNonNull(counterId, "counterId");
        Objects.requireNonNull(direction, "direction");
    }

    @Override
    public int compareTo(SeriesKey o) {
        int c = counterId.compareTo(o.counterId);
        return c != 0 ? c : direction.compareTo(o.direction);
    }
}
