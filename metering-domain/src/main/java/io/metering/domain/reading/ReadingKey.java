package io.metering.domain.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * Identity of one stored reading: its series and its instant. At most one reading exists per key
 * (reason {@code duplicate_reading}).
 *
 * @param series the counter and direction
 * @param timestamp the instant, millisecond precision
 */
public record ReadingKey(SeriesKey series, Instant timestamp) {
    /** @throws NullPointerException if a part is null */
    public ReadingKey {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
