package io.metering.domain.consumption;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time span {@code [start, end)}.
 *
 * @param start the first instant
 * @param end the instant after the last (the next period's start)
 */
public record Period(Instant start, Instant end) {
    /** @throws IllegalArgumentException unless start lies before end */
    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a period starts before it ends: " + start + " .. " + end);
        }
    }
}
