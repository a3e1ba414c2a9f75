package io.metering.domain.consumption;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recent history a consumption rate is measured on (DOMAIN.md "Reading the series": forecast and
 * plausibility come "from the counter's recent consumption rate"). It ends at an anchor point (the
 * latest plausible reading, or the reading before a new one) and holds, in ascending order:
 * <ul>
 *   <li>only plausible points of the anchor's segment: nothing before the latest segment start
 *       ({@code meter_change}, {@code meter_adjustment}) or unexplained drop;</li>
 *   <li>at most {@value #MAX_POINTS} points, none older than {@link #MAX_AGE} before the anchor.</li>
 * </ul>
 * The history is <b>too short</b> when the window has fewer than two points or spans less than
 * {@link #MIN_SPAN}: then there is no rate, hence no forecast and no plausibility bound.
 *
 * <p>Two rates are read from it. The {@link #averageRate() average rate} (advance over the whole
 * span) forecasts. The {@link #activeRate() active rate} leaves out the window's leading run of
 * unchanged values, so a register that just started to move after standing still (gas after the
 * summer, a feed-in register of a new PV system) is judged by how fast it moves now; plausibility
 * uses it because it must never be stricter than the data.
 */
public final class RateWindow {
    /** At most this many points, so one bounded index scan serves each question. */
    public static final int MAX_POINTS = 200;
    /** No point older than this before the anchor ("recent" history). */
    public static final Duration MAX_AGE = Duration.ofDays(365);
    /** A window spanning less than this is too short to give a rate. */
    public static final Duration MIN_SPAN = Duration.ofHours(24);

    private final List<SeriesPoint> points;
    private final Optional<RegisterCapacity> capacity;
    private final BigDecimal advance;

    private RateWindow(List<SeriesPoint> points, Optional<RegisterCapacity> capacity) {
        this.points = List.copyOf(points);
        this.capacity = capacity;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < points.size(); i++) {
            sum = sum.add(Steps.advance(points.get(i - 1), points.get(i), capacity).orElseThrow());
        }
        this.advance = sum;
    }

    /**
     * Selects the window ending at {@code anchor}.
     *
     * @param anchor the point the window ends at (plausible)
     * @param earlier candidate earlier points in any order; implausible ones and any at or after the
     *     anchor are ignored, and of two points at the same instant the first given wins (so a write
     *     passes its own points before the stored ones they replace)
     * @param capacity the register capacity, if the register rolls over
     * @throws IllegalArgumentException if the anchor is implausible
     */
    public static RateWindow endingAt(SeriesPoint anchor, Collection<SeriesPoint> earlier, Optional<RegisterCapacity> capacity) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(capacity, "capacity");
        if (anchor.implausible()) {
            throw new IllegalArgumentException("a rate window ends at a plausible point");
        }
        Map<Instant, SeriesPoint> byInstant = new LinkedHashMap<>();
        Instant oldest = anchor.timestamp().minus(MAX_AGE);
        for (SeriesPoint p : earlier) {
            if (!p.implausible() && p.timestamp().isBefore(anchor.timestamp()) && !p.timestamp().isBefore(oldest)) {
                byInstant.putIfAbsent(p.timestamp(), p);
            }
        }
        List<SeriesPoint> ascending = new ArrayList<>(byInstant.values());
        ascending.sort(Comparator.comparing(SeriesPoint::timestamp));
        ascending.add(anchor);
        int from = Math.max(0, ascending.size() - MAX_POINTS);
        for (int i = ascending.size() - 1; i > from; i--) {
            if (Steps.advance(ascending.get(i - 1), ascending.get(i), capacity).isEmpty()) {
                from = i;
                break;
            }
        }
        return new RateWindow(ascending.subList(from, ascending.size()), capacity);
    }

    /** The point the window ends at. */
    public SeriesPoint anchor() {
        return points.get(points.size() - 1);
    }

    /** The window's points, ascending; the last is the anchor. */
    public List<SeriesPoint> points() {
        return points;
    }

    /** The register capacity the advances were computed with. */
    public Optional<RegisterCapacity> capacity() {
        return capacity;
    }

    /** Time from the first point to the anchor. */
    public Duration span() {
        return Duration.between(points.get(0).timestamp(), anchor().timestamp());
    }

    /** The register advance over the window, wraps counted as consumption across the wrap. */
    public BigDecimal advance() {
        return advance;
    }

    /** Whether the history is too short for a rate: fewer than two points, or less than {@link #MIN_SPAN}. */
    public boolean isTooShort() {
        return points.size() < 2 || span().compareTo(MIN_SPAN) < 0;
    }

    /** The advance over the whole span; empty when {@link #isTooShort() too short}. */
    public Optional<ConsumptionRate> averageRate() {
        return isTooShort() ? Optional.empty() : Optional.of(new ConsumptionRate(advance, span()));
    }

    /**
     * The advance over the span after the window's leading run of unchanged values (from the last
     * point of that run to the anchor); zero when the register did not move at all. Empty when
     * {@link #isTooShort() too short}.
     */
    public Optional<ConsumptionRate> activeRate() {
        if (isTooShort()) {
            return Optional.empty();
        }
        if (advance.signum() == 0) {
            return Optional.of(new ConsumptionRate(BigDecimal.ZERO, span()));
        }
        int last = 0;
        while (last + 1 < points.size()
                && Steps.advance(points.get(last), points.get(last + 1), capacity).orElseThrow().signum() == 0) {
            last++;
        }
        return Optional.of(new ConsumptionRate(advance, Duration.between(points.get(last).timestamp(), anchor().timestamp())));
    }
}
