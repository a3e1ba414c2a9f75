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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The product's plausibility rule ({@link PlausibilityRule}) over the stored history (DOMAIN.md
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
        return new PlausibilityPolicy() {
            @Override
            public Optional<BigDecimal> upperBound(PlausibilityQuestion q) {
                List<SeriesPoint> recent = stored.computeIfAbsent(q.series(),
                        key -> history.recentPlausible(key, q.t(), RateWindow.MAX_POINTS));
                // the write's own points first: they win over stored points they replace
                List<SeriesPoint> earlier = new ArrayList<>(q.written().size() + recent.size());
                earlier.addAll(q.written());
                earlier.addAll(recent);
                return PlausibilityRule.upperBound(RateWindow.endingAt(q.previous(), earlier, q.capacity()), q.t());
            }

            @Override
            public Optional<BigDecimal> boundAtLeast(SeriesPoint previous) {
                return Optional.of(PlausibilityRule.leastBound(previous));
            }
        };
    }
}
