package io.metering.domain.consumption;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The consumption of one period.
 *
 * @param period the period
 * @param start the register at its start, null when no reading lies at or before it
 * @param end the register at its end, null when no reading lies at or after it
 * @param consumption raw register consumption (register units), null unless both boundary values
 *     exist. It is the sum of register advances, so across a rollover or a segment start it differs
 *     from {@code end - start}. Never negative unless {@code decreasing}.
 * @param energy {@code consumption x} the counter's energy factor (transformer ratio x conversion
 *     factor), exact; null when consumption is
 * @param decreasing whether the register decreases within the period without a rollover or meter
 *     change (a drop stored with {@code skip_validation}); its consumption then counts the drop
 * @param prorated from interval values: an interval crossing the period's start or end counts
 *     with the share of it inside the period, by time (docs/load-profiles.md)
 * @param incomplete from interval values: the intervals cover only part of the period (gaps)
 * @param overlapping from interval values: intervals inside the period overlap (each value counts)
 */
public record PeriodConsumption(Period period, BoundaryValue start, BoundaryValue end, BigDecimal consumption,
        BigDecimal energy, boolean decreasing, boolean prorated, boolean incomplete, boolean overlapping) {
    /** @throws NullPointerException if the period is null */
    public PeriodConsumption {
        Objects.requireNonNull(period, "period");
    }

    /** The consumption of a period from readings. */
    public PeriodConsumption(Period period, BoundaryValue start, BoundaryValue end, BigDecimal consumption, BigDecimal energy,
            boolean decreasing) {
        this(period, start, end, consumption, energy, decreasing, false, false, false);
    }

    /** Whether the period has a consumption. */
    public boolean hasValue() {
        return consumption != null;
    }
}
