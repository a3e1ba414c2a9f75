package io.metering.domain.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the series rules need to know of one reading.
 *
 * @param timestamp the instant
 * @param value the register value
 * @param segmentStart whether the reading starts a new segment (meter change or adjustment)
 * @param implausible whether it is marked implausible
 */
public record SeriesPoint(Instant timestamp, BigDecimal value, boolean segmentStart, boolean implausible) {
    /** @throws NullPointerException if timestamp or value is null */
    public SeriesPoint {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(value, "value");
    }
}
