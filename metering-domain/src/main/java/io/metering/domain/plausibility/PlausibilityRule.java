package io.metering.domain.plausibility;

import io.metering.domain.consumption.ConsumptionRate;
import io.metering.domain.consumption.Estimates;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The plausibility bound for a new reading with no later reading (docs/domain.md#plausibility-formula:
 * a reading far above the forecast for its instant is stored as {@code implausible}). With {@code p}
 * the previous plausible reading's value, {@code r} the {@link RateWindow#activeRate() active rate}
 * of the history ending at it, {@code dt} the time from it to the new reading and {@code m} the
 * {@link #meterPace meter pace} (the fastest active rate of the meter's other registers of the same
 * unit):
 *
 * <pre>
 *   advance bound = p + max( {@value #TOLERANCE} x r x max(dt, {@link #MIN_HORIZON 3 days}),  p )
 *   slip bound    = &radic;10 x ( p + max(r, m) x dt )
 *   bound         = min( advance bound, slip bound )
 * </pre>
 *
 * Why these terms:
 * <ul>
 *   <li>the advance bound allows ten times the forecast advance over at least three days (bursts:
 *       an hour of heating after quiet hours, a sunny day after grey ones), and a register that
 *       stood still may restart up to doubling;</li>
 *   <li>the slip bound reads the signature of a unit slip: a slip multiplies the whole value by
 *       10<sup>k</sup> (k &ge; 1), so a slip lies about ten times above the forecast
 *       {@code p + r x dt} and a genuine reading about at it; &radic;10 is the midpoint of the two on
 *       a log scale. It is what catches a ×10 slip on a register that left zero a few days ago,
 *       whose value is still small against ten times three days of its pace;</li>
 *   <li>the meter pace in the slip bound covers a register's first steps, whose own rate is
 *       measured from its last zero reading and so can be far below its real pace (the register
 *       started at some unknown moment of that first span): the Liander export register's second
 *       day (0.747 to 15.929 kWh) is judged with the pace of the meter's import registers. It
 *       only raises the bound, and is read only where it could matter.</li>
 * </ul>
 * There is no bound when the history is {@link RateWindow#isTooShort() too short} (see
 * {@link #freshLimit}), nor when both terms of the advance bound are zero (a register at zero
 * that never moved gives no scale); the slip bound needs {@code p > 0}. Bounds round up (CEILING)
 * at the {@link Estimates estimate scale}, so rounding never makes them stricter. They are
 * unwrapped: for a rolling register they may exceed the capacity (see
 * {@link io.metering.domain.reading.PlausibilityPolicy}).
 *
 * <p>Checked against the bundled real data (DemoPlausibilityTest): no genuine reading of the Liander
 * and AMPds2 files exceeds its bound (the nearest is 2.2 times its forecast), and every ×10, ×100
 * and ×1000 slip does (the nearest ×10 slip is 5.6 times its forecast).
 */
public final class PlausibilityRule {
    /** How many times the previous value a fresh counter's next reading must reach to be implausible. */
    public static final int FRESH_FACTOR = 10;
    /** How many times the predicted advance a new reading may add. */
    public static final int TOLERANCE = 10;
    /** The least time the predicted advance is computed over. */
    public static final Duration MIN_HORIZON = Duration.ofDays(3);
    /** &radic;10 rounded up to four places: how many times its forecast a value may be before it reads as a slip. */
    public static final BigDecimal SLIP_RATIO = new BigDecimal("3.1623");

    private PlausibilityRule() {}

    /**
     * What {@link #upperBound} never falls below, whatever the history: twice the previous value,
     * since the allowance is at least the previous value and {@link #SLIP_RATIO} exceeds two. A value
     * at or below it is plausible without measuring the rate.
     *
     * @param previous the previous plausible reading
     */
    public static BigDecimal leastBound(SeriesPoint previous) {
        return previous.value().add(previous.value());
    }

    /**
     * The bound of the register's own history: the advance bound and the slip bound without a meter
     * pace (the meter's other registers unknown).
     *
     * @param window the history ending at the previous plausible reading
     * @param t the instant of the new reading, not before the window's anchor
     * @return the highest plausible value at {@code t}, or empty when there is no bound
     * @throws IllegalArgumentException if {@code t} lies before the anchor
     */
    public static Optional<BigDecimal> upperBound(RateWindow window, Instant t) {
        return upperBound(window, t, Optional::empty);
    }

    /**
     * @param window the history ending at the previous plausible reading
     * @param t the instant of the new reading, not before the window's anchor
     * @param meterPace the {@link #meterPace meter pace} at {@code t}; asked only when the slip bound
     *     of the register's own rate is the lower of the two bounds, where a faster pace could raise it
     * @return the highest plausible value at {@code t}, or empty when there is no bound
     * @throws IllegalArgumentException if {@code t} lies before the anchor
     */
    public static Optional<BigDecimal> upperBound(RateWindow window, Instant t, Supplier<Optional<ConsumptionRate>> meterPace) {
        Optional<BigDecimal> advance = advanceBound(window, t);
        if (advance.isEmpty()) {
            return advance;
        }
        Optional<BigDecimal> own = slipBound(window, t, Optional.empty());
        if (own.isEmpty() || own.get().compareTo(advance.get()) >= 0) {
            return advance;
        }
        return slipBound(window, t, meterPace.get()).map(advance.get()::min);
    }

    /**
     * {@code p + max(10 x r x max(dt, 3 days), p)}; empty without a rate or when both terms are zero.
     *
     * @throws IllegalArgumentException if {@code t} lies before the window's anchor
     */
    public static Optional<BigDecimal> advanceBound(RateWindow window, Instant t) {
        SeriesPoint previous = window.anchor();
        Duration dt = since(previous, t);
        return window.activeRate().flatMap(rate -> {
            Duration horizon = dt.compareTo(MIN_HORIZON) > 0 ? dt : MIN_HORIZON;
            BigDecimal predicted = rate.advanceOver(horizon, Estimates.scaleFor(previous.value()), RoundingMode.CEILING)
                    .multiply(BigDecimal.valueOf(TOLERANCE));
            BigDecimal allowance = predicted.max(previous.value());
            return allowance.signum() == 0 ? Optional.empty() : Optional.of(previous.value().add(allowance));
        });
    }

    /**
     * {@code √10 x (p + max(r, m) x dt)}, the forecast at {@code t} with the faster of the
     * register's own active rate and the meter pace, times {@link #SLIP_RATIO}; empty without an own
     * rate or when {@code p} is not positive (no scale).
     *
     * @param meterPace the {@link #meterPace meter pace}, if known
     * @throws IllegalArgumentException if {@code t} lies before the window's anchor
     */
    public static Optional<BigDecimal> slipBound(RateWindow window, Instant t, Optional<ConsumptionRate> meterPace) {
        SeriesPoint previous = window.anchor();
        Duration dt = since(previous, t);
        if (previous.value().signum() <= 0) {
            return Optional.empty();
        }
        return window.activeRate().map(own -> {
            ConsumptionRate rate = meterPace.filter(m -> isFaster(m, own)).orElse(own);
            int scale = Estimates.scaleFor(previous.value());
            BigDecimal forecast = previous.value().add(rate.advanceOver(dt, scale, RoundingMode.CEILING));
            return forecast.multiply(SLIP_RATIO).setScale(scale, RoundingMode.CEILING);
        });
    }

    /**
     * The meter pace at an instant: the fastest {@link RateWindow#activeRate() active rate} of the
     * meter's other registers of the same unit, each on its own history up to that instant. The
     * registers of one meter measure one connection, so their pace tells the scale of a register
     * too young to show its own. Empty when none has a rate.
     */
    public static Optional<ConsumptionRate> meterPace(java.util.Collection<RegisterHistory> otherRegisters) {
        return RegisterHistory.fastest(otherRegisters);
    }

    /** Whether {@code a} advances more per unit of time than {@code b}. */
    static boolean isFaster(ConsumptionRate a, ConsumptionRate b) {
        BigDecimal left = a.advance().multiply(BigDecimal.valueOf(b.duration().toMillis()));
        BigDecimal right = b.advance().multiply(BigDecimal.valueOf(a.duration().toMillis()));
        return left.compareTo(right) > 0;
    }

    private static Duration since(SeriesPoint previous, Instant t) {
        Duration dt = Duration.between(previous.timestamp(), t);
        if (dt.isNegative()) {
            throw new IllegalArgumentException("the new reading at " + t + " lies before the previous one at " + previous.timestamp());
        }
        return dt;
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
