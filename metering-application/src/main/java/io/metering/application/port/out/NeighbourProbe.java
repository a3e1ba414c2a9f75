package io.metering.application.port.out;

import io.metering.domain.reading.SeriesKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A question for the nearest stored readings around an instant of a series.
 *
 * @param series the series
 * @param timestamp the instant
 */
public record NeighbourProbe(SeriesKey series, Instant timestamp) {
    /** @throws NullPointerException if a part is null */
    public NeighbourProbe {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
