package io.metering.application.port.out;

import io.metering.domain.reading.SeriesKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The instants a bulk write covers in one series: from its earliest to its latest reading.
 *
 * @param series the series
 * @param from the earliest instant
 * @param to the latest instant, not before {@code from}
 */
public record SeriesSpan(SeriesKey series, Instant from, Instant to) {
    /** @throws IllegalArgumentException if {@code to} is before {@code from} */
    public SeriesSpan {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("span ends before it starts: " + from + " .. " + to);
        }
    }
}
