package io.metering.application.service;

import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.domain.consumption.BoundaryValue;
import io.metering.domain.consumption.ConsumptionCurve;
import io.metering.domain.consumption.ForecastRule;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.counter.Counter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Forecasts from the stored series (docs/domain.md#reading-the-series). The value "at a date" is the
 * register value expected when that date ends: at 00:00 of the next day in the business time zone,
 * the boundary a day's consumption ends at too. The series is the latest plausible reading's.
 * <ul>
 *   <li>After the latest plausible reading: {@link ForecastRule} on the {@link RateWindow} ending at
 *       it (one query of at most {@value RateWindow#MAX_POINTS} points); none while history is too
 *       short.</li>
 *   <li>At or before it: the recorded register value there, interpolated between the surrounding
 *       plausible readings as consumption by period does ({@link ConsumptionCurve}; two index
 *       lookups); none before the first reading.</li>
 * </ul>
 */
public final class HistoryForecastProvider implements ForecastProvider {
    private final ReadingSeriesQueries series;
    private final ZoneId businessZone;

    /**
     * @param series the time-series port
     * @param businessZone the zone whose midnight ends a date
     */
    public HistoryForecastProvider(ReadingSeriesQueries series, ZoneId businessZone) {
        this.series = Objects.requireNonNull(series, "series");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
    }

    @Override
    public Optional<Forecast> forecast(OrganizationId org, Counter counter, Reading latest, LocalDate date) {
        if (latest == null) {
            return Optional.empty();
        }
        Instant target = date.plusDays(1).atStartOfDay(businessZone).toInstant();
        SeriesKey key = latest.series();
        Optional<BigDecimal> value = target.isAfter(latest.timestamp()) ? extrapolate(org, counter, latest, key, target)
                : recorded(org, counter, key, target);
        return value.map(v -> new Forecast(v, date));
    }

    private Optional<BigDecimal> extrapolate(OrganizationId org, Counter counter, Reading latest, SeriesKey key, Instant target) {
        List<SeriesPoint> history = series.recentPlausible(org, key, latest.timestamp(), RateWindow.MAX_POINTS);
        return ForecastRule.extrapolate(RateWindow.endingAt(latest.point(), history, counter.capacity()), target);
    }

    private Optional<BigDecimal> recorded(OrganizationId org, Counter counter, SeriesKey key, Instant target) {
        List<SeriesPoint> around = new ArrayList<>(2);
        series.lastPlausibleAtOrBefore(org, key, target).ifPresent(around::add);
        series.firstPlausibleAfter(org, key, target).ifPresent(around::add);
        return ConsumptionCurve.of(around, counter.capacity()).at(target).map(BoundaryValue::register);
    }
}
