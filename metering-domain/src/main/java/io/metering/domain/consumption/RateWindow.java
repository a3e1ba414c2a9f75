package io.metering.domain.consumption;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recent history a consumption rate is measured on (docs/domain.md#reading-the-series: forecast and
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

    /** The advance of each step: {@code steps.get(i)} from point {@code i} to point {@code i + 1}. */
    private final List<BigDecimal> steps;

    /** How many steps have the scale of {@link #advance} (the largest step scale, at least 0). */
    private final int atMaxScale;

    /** Takes over the lists, which nothing else holds: wrapped, not copied (a write builds one window per reading). */
    private RateWindow(ArrayList<SeriesPoint> points, Optional<RegisterCapacity> capacity, BigDecimal advance, ArrayList<BigDecimal> steps,
            int atMaxScale) {
        this.points = Collections.unmodifiableList(points);
        this.capacity = capacity;
        this.advance = advance;
        this.steps = Collections.unmodifiableList(steps);
        this.atMaxScale = atMaxScale;
    }

    private RateWindow(List<SeriesPoint> points, Optional<RegisterCapacity> capacity) {
        this.points = List.copyOf(points);
        this.capacity = capacity;
        BigDecimal sum = BigDecimal.ZERO;
        List<BigDecimal> advances = new ArrayList<>(Math.max(0, points.size() - 1));
        for (int i = 1; i < points.size(); i++) {
            BigDecimal step = Steps.advance(points.get(i - 1), points.get(i), capacity).orElseThrow();
            advances.add(step);
            sum = sum.add(step);
        }
        this.advance = sum;
        this.steps = List.copyOf(advances);
        this.atMaxScale = atScale(advances, sum.scale());
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

    /**
     * The same window as {@link #endingAt(SeriesPoint, Collection, Optional)} for earlier points
     * that come as two sorted lists, found by walking back from the anchor through both lists at
     * once instead of collecting, de-duplicating and sorting every candidate. A write asks once per
     * appended reading with up to {@value #MAX_POINTS} stored and 100 written points, so the general
     * method's map and sort were most of the service's CPU time per reading (measured with JFR under
     * the ingest benchmark).
     *
     * @param anchor the point the window ends at (plausible)
     * @param preferred earlier candidates ascending by instant, one per instant; they win over
     *     {@code others} at the same instant (a write's own points)
     * @param others earlier candidates descending by instant, one per instant (stored history)
     * @param capacity the register capacity, if the register rolls over
     * @throws IllegalArgumentException if the anchor is implausible
     */
    public static RateWindow endingAt(SeriesPoint anchor, List<SeriesPoint> preferred, List<SeriesPoint> others,
            Optional<RegisterCapacity> capacity) {
        return endingAt(anchor, preferred, others, capacity, null);
    }

    /**
     * {@link #endingAt(SeriesPoint, List, List, Optional)} that reuses a window of the same series
     * found just before: when the walk back from {@code anchor} reaches {@code known}'s anchor, the
     * rest of the walk is {@code known}'s (cut to this window's point limit and age), so a write
     * that appends readings one after another pays for the new steps only instead of up to
     * {@value #MAX_POINTS} per reading.
     *
     * @param known a window this method returned for the same {@code others} and capacity, and for
     *     a {@code preferred} list that the current one extends only by points at or after
     *     {@code known}'s anchor; or null
     */
    public static RateWindow endingAt(SeriesPoint anchor, List<SeriesPoint> preferred, List<SeriesPoint> others,
            Optional<RegisterCapacity> capacity, RateWindow known) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(capacity, "capacity");
        if (anchor.implausible()) {
            throw new IllegalArgumentException("a rate window ends at a plausible point");
        }
        Instant oldest = anchor.timestamp().minus(MAX_AGE);
        ArrayList<SeriesPoint> descending = new ArrayList<>();
        ArrayList<BigDecimal> stepsDescending = new ArrayList<>();
        descending.add(anchor);
        if (known != null && (!known.capacity.equals(capacity) || known.anchor().equals(anchor))) {
            known = null; // another register, or the same question: nothing to splice
        }
        SeriesPoint head = anchor;
        BigDecimal sum = BigDecimal.ZERO;
        int p = preferred.size() - 1;
        int o = 0;
        while (descending.size() < MAX_POINTS) {
            // skip what is not strictly before the window's current first point: taken already,
            // at the same instant as a preferred point taken, or at or after the anchor
            while (p >= 0 && (preferred.get(p).implausible() || !preferred.get(p).timestamp().isBefore(head.timestamp()))) {
                p--;
            }
            while (o < others.size() && (others.get(o).implausible() || !others.get(o).timestamp().isBefore(head.timestamp()))) {
                o++;
            }
            SeriesPoint next;
            if (p >= 0 && (o >= others.size() || !preferred.get(p).timestamp().isBefore(others.get(o).timestamp()))) {
                next = preferred.get(p--);
            } else if (o < others.size()) {
                next = others.get(o++);
            } else {
                break;
            }
            if (next.timestamp().isBefore(oldest)) {
                break;
            }
            Optional<BigDecimal> step = Steps.advance(next, head, capacity);
            if (step.isEmpty()) {
                break; // the window starts after a segment start or unexplained drop
            }
            // exact BigDecimal sums do not depend on the order of the terms
            sum = sum.add(step.get());
            descending.add(next);
            stepsDescending.add(step.get());
            head = next;
            if (known != null && next.equals(known.anchor())) {
                return spliced(descending, stepsDescending, sum, known, oldest, capacity);
            }
        }
        Collections.reverse(descending);
        Collections.reverse(stepsDescending);
        return new RateWindow(descending, capacity, sum, stepsDescending, atScale(stepsDescending, sum.scale()));
    }

    /**
     * The walk back from a new anchor has reached {@code known}'s anchor: the rest is {@code known}'s
     * points before its anchor, as far as this window's point limit and age allow (its own start,
     * after a break or at its limits, stops this walk too).
     */
    private static RateWindow spliced(List<SeriesPoint> descending, List<BigDecimal> stepsDescending, BigDecimal walkedSum,
            RateWindow known, Instant oldest, Optional<RegisterCapacity> capacity) {
        int last = known.points.size() - 1; // known's anchor, the last point of descending
        int budget = MAX_POINTS - descending.size();
        // known's points are ascending: the first one kept is the first within this window's age and limit
        int first = Math.max(Math.max(0, last - budget), firstNotBefore(known.points, oldest, last));
        // the kept steps of known are first..last-1; add them, or take the dropped ones from known's
        // sum, whichever is fewer; then give the sum the scale adding every step would give: the
        // largest step scale (at least 0), tracked with how many steps have it, so that sliding the
        // window by one step does not rescan the others
        BigDecimal kept = BigDecimal.ZERO;
        if (first <= last - first) {
            kept = known.advance;
            for (int i = 0; i < first; i++) {
                kept = kept.subtract(known.steps.get(i));
            }
        } else {
            for (int i = first; i < last; i++) {
                kept = kept.add(known.steps.get(i));
            }
        }
        int keptScale = known.advance.scale();
        int keptAtScale = known.atMaxScale;
        for (int i = 0; i < first; i++) {
            if (known.steps.get(i).scale() == keptScale) {
                keptAtScale--;
            }
        }
        if (keptAtScale <= 0) {
            keptScale = 0;
            keptAtScale = 0;
            for (int i = first; i < last; i++) {
                int stepScale = known.steps.get(i).scale();
                if (stepScale > keptScale) {
                    keptScale = stepScale;
                    keptAtScale = 0;
                }
                if (stepScale == keptScale) {
                    keptAtScale++;
                }
            }
        }
        int walkedScale = walkedSum.scale(); // adding from zero: the largest scale of the walked steps, at least 0
        int scale = Math.max(keptScale, walkedScale);
        int atScale = keptScale == scale ? keptAtScale : 0;
        for (BigDecimal step : stepsDescending) {
            if (step.scale() == scale) {
                atScale++;
            }
        }
        BigDecimal sum = walkedSum.add(kept).setScale(scale, RoundingMode.UNNECESSARY);
        ArrayList<SeriesPoint> points = new ArrayList<>(last - first + descending.size());
        points.addAll(known.points.subList(first, last));
        ArrayList<BigDecimal> steps = new ArrayList<>(points.size() + stepsDescending.size());
        steps.addAll(known.steps.subList(first, last));
        for (int i = descending.size() - 1; i >= 0; i--) {
            points.add(descending.get(i));
        }
        for (int i = stepsDescending.size() - 1; i >= 0; i--) {
            steps.add(stepsDescending.get(i));
        }
        return new RateWindow(points, capacity, sum, steps, atScale);
    }

    /** The index of the first of the ascending points {@code [0, last]} not before {@code oldest} (binary search). */
    private static int firstNotBefore(List<SeriesPoint> ascending, Instant oldest, int last) {
        int low = 0;
        int high = last;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ascending.get(mid).timestamp().isBefore(oldest)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** How many of the steps have the scale of their sum (the largest step scale, at least 0). */
    private static int atScale(List<BigDecimal> steps, int scale) {
        int n = 0;
        for (BigDecimal step : steps) {
            if (step.scale() == scale) {
                n++;
            }
        }
        return n;
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
        while (last + 1 < points.size() && steps.get(last).signum() == 0) {
            last++;
        }
        return Optional.of(new ConsumptionRate(advance, Duration.between(points.get(last).timestamp(), anchor().timestamp())));
    }
}
