package io.metering.domain.consumption;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.RegisterArithmetic;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A series' plausible readings as a continuous consumption curve, from which the register value
 * and the consumption so far are read at any instant between the first and the last reading
 * (docs/domain.md#reading-the-series and "Writing readings").
 *
 * <p>Consumption from one reading to the next is the register advance: the difference, or across a
 * rollover {@code (capacity - previous) + value}; zero into a segment start (consumption never spans
 * the break). A drop that is neither (only {@code skip_validation} can store one) is a negative
 * advance, not a break: consumption over any span of a segment then stays {@code last - first},
 * the same as the sum of the relative values, instead of counting the climb back as new
 * consumption. At an instant {@code b} between two readings {@code (t1, v1)} and {@code (t2, v2)}
 * of one segment the curve is linear:
 * {@code d = advance x (b - t1) / (t2 - t1)}, rounded once HALF_EVEN at the
 * {@link Estimates estimate scale} of the two values, and the register shows {@code v1 + d} (minus the
 * capacity once it passes it). Before a segment start the last value is carried instead. Outside
 * the first and last reading the curve has no value.
 *
 * <p>Every value depends only on the instant and the two readings around it, so consumption between
 * two instants is the same whichever request asks, and consumptions of adjacent periods add up to the
 * consumption of their union exactly.
 */
public final class ConsumptionCurve {
    private final List<SeriesPoint> points;
    private final List<BigDecimal> cumulative;
    /** {@code breakBefore[i]}: no consumption and no interpolation from point i-1 to point i. */
    private final boolean[] breakBefore;
    private final Optional<RegisterCapacity> capacity;
    /** The indexes i whose step from point i-1 is a decrease, ascending; almost always none. */
    private final List<Integer> decreases = new ArrayList<>();

    private ConsumptionCurve(List<SeriesPoint> points, Optional<RegisterCapacity> capacity) {
        this.points = points;
        this.capacity = capacity;
        this.cumulative = new ArrayList<>(points.size());
        this.breakBefore = new boolean[points.size()];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                // zero into a segment start; negative for a drop that is no wrap
                BigDecimal step = RegisterArithmetic.advance(points.get(i - 1), points.get(i), capacity);
                breakBefore[i] = points.get(i).segmentStart();
                if (step.signum() < 0) {
                    decreases.add(i);
                }
                sum = sum.add(step);
            }
            cumulative.add(sum);
        }
    }

    /**
     * @param ascending points of one series in ascending time order; implausible ones are left out
     * @param capacity the register capacity, if the register rolls over
     * @throws IllegalArgumentException if two plausible points share an instant or are out of order
     */
    public static ConsumptionCurve of(List<SeriesPoint> ascending, Optional<RegisterCapacity> capacity) {
        Objects.requireNonNull(capacity, "capacity");
        List<SeriesPoint> plausible = ascending.stream().filter(p -> !p.implausible()).toList();
        for (int i = 1; i < plausible.size(); i++) {
            if (!plausible.get(i).timestamp().isAfter(plausible.get(i - 1).timestamp())) {
                throw new IllegalArgumentException("points must be in strictly ascending time order at " + plausible.get(i).timestamp());
            }
        }
        return new ConsumptionCurve(plausible, capacity);
    }

    /** Whether the curve has no reading at all. */
    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The plausible points, ascending. */
    public List<SeriesPoint> points() {
        return Collections.unmodifiableList(points);
    }

    /**
     * The register at {@code b}.
     *
     * @return the value, or empty when {@code b} lies before the first or after the last reading
     */
    public Optional<BoundaryValue> at(Instant b) {
        if (points.isEmpty() || b.isBefore(points.get(0).timestamp()) || b.isAfter(points.get(points.size() - 1).timestamp())) {
            return Optional.empty();
        }
        int i = floorIndex(b);
        SeriesPoint p = points.get(i);
        if (p.timestamp().equals(b)) {
            return Optional.of(new BoundaryValue(b, p.value(), cumulative.get(i), BoundaryValue.Kind.READING));
        }
        SeriesPoint next = points.get(i + 1);
        if (breakBefore[i + 1]) {
            return Optional.of(new BoundaryValue(b, p.value(), cumulative.get(i), BoundaryValue.Kind.CARRIED));
        }
        BigDecimal advance = cumulative.get(i + 1).subtract(cumulative.get(i));
        BigDecimal elapsed = BigDecimal.valueOf(Duration.between(p.timestamp(), b).toMillis());
        BigDecimal length = BigDecimal.valueOf(Duration.between(p.timestamp(), next.timestamp()).toMillis());
        int scale = Estimates.scaleFor(p.value(), next.value(), advance);
        BigDecimal d = advance.multiply(elapsed).divide(length, scale, RoundingMode.HALF_EVEN);
        BigDecimal register = p.value().add(d);
        if (capacity.isPresent() && register.compareTo(capacity.get().value()) >= 0) {
            register = register.subtract(capacity.get().value());
        }
        return Optional.of(new BoundaryValue(b, register, cumulative.get(i).add(d), BoundaryValue.Kind.INTERPOLATED));
    }

    /**
     * Whether the register decreases somewhere within {@code (from, to)}: a drop between two
     * readings of one segment that is no rollover, which only {@code skip_validation} can store.
     * Such a span's consumption may be negative.
     */
    public boolean decreasesWithin(Instant from, Instant to) {
        for (int i : decreases) {
            if (points.get(i - 1).timestamp().isBefore(to) && points.get(i).timestamp().isAfter(from)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the last point at or before {@code b}; {@code b} lies within the curve. */
    private int floorIndex(Instant b) {
        int lo = 0;
        int hi = points.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (points.get(mid).timestamp().isAfter(b)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }
}
