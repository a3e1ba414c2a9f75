package io.metering.application.service;

import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.domain.consumption.PlausibilityRule;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.PlausibilityQuestion;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
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
 * The product's plausibility rule ({@link PlausibilityRule}) over the stored history (docs/domain.md
 * "Reading the series"). The policy of one write reads each series' recent plausible points once,
 * lazily, within the write's transaction (one query of at most {@value RateWindow#MAX_POINTS}
 * points per series that gets an appended reading), and adds the points the write itself accepted
 * before the reading judged, which are not stored yet. getAllowedReadingForMeter uses the same rule,
 * so the range shown is the one a reading is judged by.
 */
public final class HistoryPlausibilityProvider implements PlausibilityProvider {
    private final ReadingSeriesQueries series;

    /** @param series the time-series port */
    public HistoryPlausibilityProvider(ReadingSeriesQueries series) {
        this.series = Objects.requireNonNull(series, "series");
    }

    @Override
    public PlausibilityPolicy forWrite(OrganizationId org) {
        return forWrite(org, (key, t, limit) -> series.recentPlausible(org, key, t, limit));
    }

    @Override
    public PlausibilityPolicy forWrite(OrganizationId org, History history) {
        // the validator asks in ascending time per series and only where no stored plausible reading
        // follows, so the history read at the first question serves the later ones of the same write
        Map<SeriesKey, List<SeriesPoint>> stored = new HashMap<>();
        Map<SeriesKey, Asked> last = new HashMap<>();
        return new PlausibilityPolicy() {
            @Override
            public Optional<BigDecimal> upperBound(PlausibilityQuestion q) {
                List<SeriesPoint> recent = stored.computeIfAbsent(q.series(),
                        key -> descending(history.recentPlausible(key, q.t(), RateWindow.MAX_POINTS)));
                // the write's own points win over stored points they replace
                if (!isAscending(q.written())) {
                    return PlausibilityRule.upperBound(RateWindow.endingAt(q.previous(), concat(q.written(), recent), q.capacity()), q.t());
                }
                Asked before = last.get(q.series());
                RateWindow known = before != null && before.extendedBy(q.written()) ? before.window() : null;
                RateWindow window = RateWindow.endingAt(q.previous(), q.written(), recent, q.capacity(), known);
                last.put(q.series(), new Asked(q.written(), window));
                return PlausibilityRule.upperBound(window, q.t());
            }

            @Override
            public Optional<BigDecimal> boundAtLeast(SeriesPoint previous) {
                return Optional.of(PlausibilityRule.leastBound(previous));
            }

            @Override
            public Optional<BigDecimal> limitWithoutBound(SeriesPoint previous) {
                return PlausibilityRule.freshLimit(previous);
            }
        };
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

    /** The history descending by instant, one point per instant (the port returns it so; checked once per series). */
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
