package io.metering.domain.consumption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * A consumption rate: a register advance over a duration. It is kept as that exact pair, not as a
 * divided-out number, so an expectation over another duration is one multiplication and one
 * division, rounded once.
 *
 * @param advance the register advance (register units, never negative)
 * @param duration the time it took (positive)
 */
public record ConsumptionRate(BigDecimal advance, Duration duration) {
    private static final Duration DAY = Duration.ofDays(1);

    /** @throws IllegalArgumentException if the advance is negative or the duration not positive */
    public ConsumptionRate {
        Objects.requireNonNull(advance, "advance");
        Objects.requireNonNull(duration, "duration");
        if (advance.signum() < 0) {
            throw new IllegalArgumentException("a consumption rate is never negative: " + advance);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a consumption rate needs a positive duration: " + duration);
        }
    }

    /** Whether nothing was consumed. */
    public boolean isZero() {
        return advance.signum() == 0;
    }

    /**
     * The advance expected over another duration: {@code advance x d / duration}.
     *
     * @param d the duration (not negative)
     * @param scale decimal places of the result
     * @param rounding how the one division rounds
     */
    public BigDecimal advanceOver(Duration d, int scale, RoundingMode rounding) {
        BigDecimal numerator = advance.multiply(BigDecimal.valueOf(d.toMillis()));
        return numerator.divide(BigDecimal.valueOf(duration.toMillis()), scale, rounding);
    }

    /** The rate per day (24 h), at {@link Estimates#MIN_SCALE} decimal places, HALF_EVEN; for display. */
    public BigDecimal perDay() {
        return advanceOver(DAY, Estimates.MIN_SCALE, RoundingMode.HALF_EVEN);
    }
}
