package io.metering.domain.consumption;

import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The plausibility bound for a new reading with no later reading (docs/domain.md#plausibility-formula:
 * a reading far above the forecast for its instant is stored as {@code implausible}). With {@code P} the
 * previous plausible reading, {@code r} the {@link RateWindow#activeRate() active rate} of the
 * history ending at {@code P} and {@code dt} the time from {@code P} to the new reading:
 *
 * <pre>
 *   bound = P.value + max( {@value #TOLERANCE} x r x max(dt, {@link #MIN_HORIZON 3 days}),  P.value )
 * </pre>
 *
 * A value above the bound both exceeds ten times the forecast advance ({@code r x dt}) over at
 * least three days and more than doubles the register. Why these terms:
 * <ul>
 *   <li>the minimum horizon of 3 days and the factor 10 absorb bursty consumption (an hour of
 *       heating after quiet hours, a sunny day after grey ones); a longer horizon (it was 30 days)
 *       let a ×10 slip through wherever the register was small against a month of consumption,
 *       and a shorter one (2 days) flags the Liander export register's genuine second day;</li>
 *   <li>the doubling term covers a register that stood still for the whole window (rate zero, such
 *       as gas all summer): it may restart at any pace, up to its own size per step;</li>
 *   <li>a unit slip (Wh sent on a kWh register) multiplies the value by 1000 and exceeds both.</li>
 * </ul>
 * There is no bound when the history is {@link RateWindow#isTooShort() too short}, nor when both
 * terms are zero (a register at zero that never moved gives no scale). The bound rounds up
 * (CEILING) at the {@link Estimates estimate scale}, so rounding never makes it stricter. It is
 * unwrapped: for a rolling register it may exceed the capacity (see
 * {@link io.metering.domain.reading.PlausibilityPolicy}).
 *
 * <p>Checked against the bundled real data (DemoPlausibilityTest): no genuine reading of the Liander
 * and AMPds2 files exceeds its bound (the largest advance is 68 % of its allowance, the Liander
 * export register's second day of export), every ×100 and ×1000 slip exceeds it, and so does every
 * ×10 slip except on the first three days after a register left zero, where its value is still
 * small against three days of its pace.
 */
public final class PlausibilityRule {
    /** How many times the previous value a fresh counter's next reading must reach to be implausible. */
    public static final int FRESH_FACTOR = 10;
    /** How many times the predicted advance a new reading may add. */
    public static final int TOLERANCE = 10;
    /** The least time the predicted advance is computed over. */
    public static final Duration MIN_HORIZON = Duration.ofDays(3);

    private PlausibilityRule() {}

    /**
     * What {@link #upperBound} never falls below, whatever the history: twice the previous value,
     * since the allowance is at least the previous value. A value at or below it is plausible
     * without measuring the rate.
     *
     * @param previous the previous plausible reading
     */
    public static BigDecimal leastBound(SeriesPoint previous) {
        return previous.value().add(previous.value());
    }

    /**
     * @param window the history ending at the previous plausible reading
     * @param t the instant of the new reading, not before the window's anchor
     * @return the highest plausible value at {@code t}, or empty when there is no bound
     * @throws IllegalArgumentException if {@code t} lies before the anchor
     */
    public static Optional<BigDecimal> upperBound(RateWindow window, Instant t) {
        SeriesPoint previous = window.anchor();
        Duration dt = Duration.between(previous.timestamp(), t);
        if (dt.isNegative()) {
            throw new IllegalArgumentException("the new reading at " + t + " lies before the previous one at " + previous.timestamp());
        }
        return window.activeRate().flatMap(rate -> {
            Duration horizon = dt.compareTo(MIN_HORIZON) > 0 ? dt : MIN_HORIZON;
            BigDecimal predicted = rate.advanceOver(horizon, Estimates.scaleFor(previous.value()), RoundingMode.CEILING)
                    .multiply(BigDecimal.valueOf(TOLERANCE));
            BigDecimal allowance = predicted.max(previous.value());
            return allowance.signum() == 0 ? Optional.empty() : Optional.of(previous.value().add(allowance));
        });
    }

    /**
     * The lowest implausible value where {@link #upperBound} gives no bound (history too short for a
     * rate, docs/domain.md#without-a-rate-fresh-counters): {@value #FRESH_FACTOR} times the previous
     * value. A unit slip multiplies a value by at least ten, and a reading is never below its
     * predecessor, so every slip reaches it. None when the previous value is zero: a register that
     * never moved gives no scale.
     *
     * @param previous the previous plausible reading
     */
    public static Optional<BigDecimal> freshLimit(SeriesPoint previous) {
        if (previous.value().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(previous.value().multiply(BigDecimal.valueOf(FRESH_FACTOR)));
    }
}
