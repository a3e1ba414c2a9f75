package io.metering.domain.consumption;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.RegisterArithmetic;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.util.Optional;

/** The step between two consecutive plausible points, as rates, forecasts and plausibility see it. */
final class Steps {
    private Steps() {}

    /**
     * The register advance from {@code previous} to {@code current}, or empty when {@code current}
     * begins a new run that no consumption spans: a segment start (docs/domain.md#writing-readings:
     * consumption never spans the break), or a drop that is no register wrap. A drop can only be
     * stored with {@code skip_validation}; counting it as a break keeps rates never negative.
     * Consumption by period counts it as a negative advance instead ({@link ConsumptionCurve}), so
     * that it adds up to the register's net movement.
     *
     * @param capacity the register capacity, if the register rolls over (a wrap is an advance)
     */
    static Optional<BigDecimal> advance(SeriesPoint previous, SeriesPoint current, Optional<RegisterCapacity> capacity) {
        if (current.segmentStart()) {
            return Optional.empty();
        }
        BigDecimal advance = RegisterArithmetic.advance(previous, current, capacity);
        return advance.signum() < 0 ? Optional.empty() : Optional.of(advance);
    }
}
