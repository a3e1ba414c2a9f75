package io.metering.application.service.meter;

import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.domain.counter.Counter;
import io.metering.domain.forecast.DateForecast;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Forecasts from the stored series (docs/domain.md#forecast): a thin adapter that hands
 * {@link DateForecast} (metering-domain, where the rule lives) the store's answers. After the latest
 * plausible reading that is one query of at most 200 points; within the recorded history two index
 * lookups.
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
        SeriesKey key = latest.series();
        DateForecast.History history = new DateForecast.History() {
            @Override
            public List<SeriesPoint> recentPlausible(Instant t, int limit) {
                return series.recentPlausible(org, key, t, limit);
            }

            @Override
            public Optional<SeriesPoint> lastPlausibleAtOrBefore(Instant t) {
                return series.lastPlausibleAtOrBefore(org, key, t);
            }

            @Override
            public Optional<SeriesPoint> firstPlausibleAfter(Instant t) {
                return series.firstPlausibleAfter(org, key, t);
            }
        };
        return DateForecast.valueAt(DateForecast.endOf(date, businessZone), latest.point(), history, counter.capacity())
                .map(v -> new Forecast(v, date));
    }
}
