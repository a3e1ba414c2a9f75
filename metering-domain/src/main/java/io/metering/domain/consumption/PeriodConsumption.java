package io.metering.domain.consumption;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The consumption of one period.
 *
 * @param period the period
 * @param start the register at its start, null when no reading lies at or before it
 * @param end the register at its end, null when no reading lies at or after it
 * @param consumption raw register consumption (register units, never negative), null unless both
 *     boundary values exist. It is the sum of register advances, so across a rollover or a segment
 *     start it differs from {@code end - start}.
 * @param energy {@code consumption x} the counter's energy factor (transformer ratio x conversion
 *     factor), exact; null when consumption is
 */
public record PeriodConsumption(Period period, BoundaryValue start, BoundaryValue end, BigDecimal consumption,
        BigDecimal energy) {
    /** @throws NullPointerException if the period is null */
    public PeriodConsumption {
        Objects.requireNonNull(period, "period");
    }

    /** Whether the period has a consumption. */
    public boolean hasValue() {
        return consumption != null;
    }
}
