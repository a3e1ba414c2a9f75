package io.metering.domain.loadprofile;

import io.metering.domain.consumption.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a batch of interval values of one counter keeps (docs/load-profiles.md "Rules"), set by
 * what real messages carry:
 * <ul>
 *   <li>intervals may have any length and need not be aligned to the quarter hour (real messages
 *       carry boundaries such as 20:16 and 01:55); gaps are allowed and show as {@code incomplete}
 *       periods;</li>
 *   <li>intervals of one message may overlap (a message that states an hour twice): each value is
 *       kept as sent and counts, and the periods holding them show as {@code overlapping};</li>
 *   <li>an interval whose end does not lie after its start (seen in a real message: 16:45 to 16:00)
 *       ends one {@link #resolution resolution} after its start, the length most of the series'
 *       intervals have;</li>
 *   <li>a stored batch replaces the counter's stored values whose intervals overlap the batch's span,
 *       so importing a message again changes nothing and a corrected message replaces what it covers.</li>
 * </ul>
 */
public final class IntervalSeries {
    private IntervalSeries() {}

    /**
     * The length most intervals of a series have (the first such length on a tie), or empty when
     * none ends after it starts.
     *
     * @param bounds start and end of each interval, as sent
     */
    public static Optional<Duration> resolution(List<Instant[]> bounds) {
        Map<Duration, Integer> counts = new HashMap<>();
        Duration best = null;
        for (Instant[] b : bounds) {
            Duration d = Duration.between(b[0], b[1]);
            if (d.isNegative() || d.isZero()) {
                continue;
            }
            int n = counts.merge(d, 1, Integer::sum);
            if (best == null || n > counts.get(best)) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The end of an interval as sent, or, when it does not lie after the start, the start plus the resolution. */
    public static Instant end(Instant start, Instant sentEnd, Duration resolution) {
        return sentEnd.isAfter(start) ? sentEnd : start.plus(resolution);
    }

    /** The values ordered by start, values with one start in the order given. */
    public static List<IntervalValue> ordered(List<IntervalValue> values) {
        List<IntervalValue> out = new ArrayList<>(values);
        out.sort(Comparator.comparing(IntervalValue::start));
        return out;
    }

    /** The span {@code [first start, last end)} of non-empty values ordered by {@link #ordered}. */
    public static Period span(List<IntervalValue> ordered) {
        Instant end = ordered.get(0).end();
        for (IntervalValue v : ordered) {
            if (v.end().isAfter(end)) {
                end = v.end();
            }
        }
        return new Period(ordered.get(0).start(), end);
    }
}
