package io.metering.application.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One quantity of a market message (MSCONS QTY with its DTM), as the import sees it: an interval
 * value over {@code [start, end)}, or, without an end, a register reading at {@code start}.
 *
 * @param start the interval's start, or the reading's instant
 * @param end the interval's end; null for a register reading
 * @param value the quantity, exact
 * @param qualifier the quantity qualifier of the message (MSCONS: {@code 220} true value, {@code 67}
 *     substitute, {@code 201} provisional ...)
 * @param position where it is in the message, for refusals (e.g. {@code segment 412})
 */
public record MeteredValue(Instant start, Instant end, BigDecimal value, String qualifier, String position) {
    /** @throws NullPointerException if start, value or position is missing */
    public MeteredValue {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }

    /** Whether this is a register reading rather than an interval value. */
    public boolean isReading() {
        return end == null;
    }
}
