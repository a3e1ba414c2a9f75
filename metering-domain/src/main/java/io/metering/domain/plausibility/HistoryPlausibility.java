package io.metering.domain.plausibility;

import io.metering.domain.consumption.RateWindow;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.PlausibilityQuestion;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The product's plausibility policy ({@link PlausibilityRule}) for one write, over a history the
 * caller supplies (docs/domain.md#plausibility). It reads each series' recent plausible points once,
 * at its first question, and adds the points the write itself accepted before the reading judged,
 * which the history does not hold yet; the meter's other registers are read only where their
 * {@link PlausibilityRule#meterPace pace} could change the bound. Pure: whoever holds the readings
 * (a database, a file, memory) answers the two questions below.
 */
public final class HistoryPlausibility implements PlausibilityPolicy {
    /** Where the policy reads the history of the series judged. */
    @FunctionalInterface
    public interface SeriesHistory {
        /**
         * Up to {@code limit} plausible points of the series at or before {@code t}, newest first
         * (one point per instant).
         */
        List<SeriesPoint> recentPlausible(SeriesKey series, Instant t, int limit);
    }

    /** Where the policy reads the meter's other registers of a series. */
    @FunctionalInterface
    public interface OtherRegisters {
        /** None known. */
        OtherRegisters NONE = (series, t) -> List.of();

        /**
         * The other registers (other counters, or the other direction of the same counter) of the
         * meter {@code series} belongs to that count in the same unit, each with its recent
         * plausible points at or before {@code t}.
         */
        List<RegisterHistory> at(SeriesKey series, Instant t);
    }

    private final SeriesHistory history;
    private final OtherRegisters otherRegisters;
    // the validator asks in ascending time per series and only where no stored plausible reading
    // follows, so the history read at the first question serves the later ones of the same write
    private final Map<SeriesKey, List<SeriesPoint>> stored = new HashMap<>();
    private final Map<SeriesKey, Asked> last = new HashMap<>();

    /**
     * @param history the history of the series judged
     * @param otherRegisters the meter's other registers ({@link OtherRegisters#NONE} when unknown:
     *     the bound of a young register is then the stricter one of its own history)
     */
    public HistoryPlausibility(SeriesHistory history, OtherRegisters otherRegisters) {
        this.history = Objects.requireNonNull(history, "history");
        this.otherRegisters = Objects.requireNonNull(otherRegisters, "otherRegisters");
    }

    @Override
    public Optional<BigDecimal> upperBound(PlausibilityQuestion q) {
        return PlausibilityRule.upperBound(window(q), q.t(), () -> PlausibilityRule.meterPace(otherRegisters.at(q.series(), q.t())));
    }

    /** The rate window ending at the question's previous point, the write's own points winning over stored ones they replace. */
    private RateWindow window(PlausibilityQuestion q) {
        List<SeriesPoint> recent = stored.computeIfAbsent(q.series(),
                key -> descending(history.recentPlausible(key, q.t(), RateWindow.MAX_POINTS)));
        if (!isAscending(q.written())) {
            return RateWindow.endingAt(q.previous(), concat(q.written(), recent), q.capacity());
        }
        Asked before = last.get(q.series());
        RateWindow known = before != null && before.extendedBy(q.written()) ? before.window() : null;
        RateWindow window = RateWindow.endingAt(q.previous(), q.written(), recent, q.capacity(), known);
        last.put(q.series(), new Asked(q.written(), window));
        return window;
    }

    @Override
    public Optional<BigDecimal> boundAtLeast(SeriesPoint previous) {
        return Optional.of(PlausibilityRule.leastBound(previous));
    }

    @Override
    public Optional<BigDecimal> limitWithoutBound(SeriesPoint previous) {
        return PlausibilityRule.freshLimit(previous);
    }

    /** The last question of a series in this write: the write's points it was asked with and its window. */
    private record Asked(List<SeriesPoint> written, RateWindow window) {
        /**
         * Whether {@code now} holds the same points first and adds only points at or after the
         * window's anchor, so that the window can be reused ({@link RateWindow#endingAt(SeriesPoint,
         * List, List, java.util.Optional, RateWindow)}). The validator asks in ascending time, so this
         * holds from one appended reading to the next.
         */
        boolean extendedBy(List<SeriesPoint> now) {
            if (now.size() < written.size()) {
                return false;
            }
            for (int i = 0; i < written.size(); i++) {
                if (now.get(i) != written.get(i) && !now.get(i).equals(written.get(i))) {
                    return false;
                }
            }
            Instant anchor = window.anchor().timestamp();
            for (int i = written.size(); i < now.size(); i++) {
                if (now.get(i).timestamp().isBefore(anchor)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The history descending by instant, one point per instant (stores return it so; checked once per series). */
    private static List<SeriesPoint> descending(List<SeriesPoint> points) {
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).timestamp().isBefore(points.get(i - 1).timestamp())) {
                Map<Instant, SeriesPoint> byInstant = new LinkedHashMap<>();
                points.forEach(p -> byInstant.putIfAbsent(p.timestamp(), p));
                List<SeriesPoint> sorted = new ArrayList<>(byInstant.values());
                sorted.sort(Comparator.comparing(SeriesPoint::timestamp).reversed());
                return sorted;
            }
        }
        return points;
    }

    /** Whether the points are strictly ascending by instant (as the validator passes them). */
    private static boolean isAscending(List<SeriesPoint> points) {
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i - 1).timestamp().isBefore(points.get(i).timestamp())) {
                return false;
            }
        }
        return true;
    }

    private static List<SeriesPoint> concat(List<SeriesPoint> first, List<SeriesPoint> then) {
        List<SeriesPoint> all = new ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return all;
    }
}
