package io.metering.application.service.meter;

import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.ChangesetRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.port.in.meter.CounterView;
import io.metering.application.port.in.meter.MeterView;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.tenant.OrganizationId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Derives what readers see beside meters and counters: the latest plausible reading
 * ({@code last_reading}, {@code current_consumption}) and the forecast (docs/domain.md "Reading the
 * series"): one query for the latest readings of a list, plus what the {@link ForecastProvider}
 * needs per counter.
 */
final class CounterInsights {
    private final CounterRepository counters;
    private final ReadingSeriesQueries series;
    private final ChangesetRepository changesets;
    private final Clock clock;
    private final ZoneId businessZone;
    private final ForecastProvider forecasts;

    CounterInsights(CounterRepository counters, ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock,
            ZoneId businessZone, ForecastProvider forecasts) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.series = Objects.requireNonNull(series, "series");
        this.changesets = Objects.requireNonNull(changesets, "changesets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.forecasts = forecasts;
    }

    /**
     * @param forecastDate the date to forecast, null for today in the business time zone
     */
    List<CounterView> counters(OrganizationId org, List<Counter> counters, LocalDate forecastDate) {
        LocalDate date = forecastDate != null ? forecastDate : LocalDate.now(clock.withZone(businessZone));
        Map<CounterId, Reading> latest = series.latestPlausible(org, counters.stream().map(Counter::id).toList());
        return counters.stream().map(c -> {
            Reading last = latest.get(c.id());
            Optional<ForecastProvider.Forecast> forecast = forecasts.forecast(org, c, last, date);
            return new CounterView(c, last == null ? null : last.timestamp(), last == null ? null : last.value(),
                    forecast.map(ForecastProvider.Forecast::value).orElse(null),
                    forecast.map(ForecastProvider.Forecast::asOf).orElse(null));
        }).toList();
    }

    List<MeterView> meters(OrganizationId org, Collection<Meter> meters, boolean withChangesets) {
        List<MeterId> ids = meters.stream().map(Meter::id).toList();
        List<Counter> counters = CounterInsights.this.counters.findByMeters(org, ids);
        Map<CounterId, Reading> latest = series.latestPlausible(org, counters.stream().map(Counter::id).toList());
        Map<MeterId, Reading> latestByMeter = latest.values().stream().collect(Collectors.toMap(Reading::meterId, r -> r,
                (a, b) -> a.timestamp().isAfter(b.timestamp()) ? a : b));
        Map<MeterId, List<Changeset>> pending = withChangesets
                ? changesets.findByCounters(org, counters.stream().map(Counter::id).toList()).stream()
                        .collect(Collectors.groupingBy(Changeset::meterId))
                : Map.of();
        return meters.stream()
                .sorted(Comparator.comparing(Meter::createdAt).thenComparing(m -> m.id().value()))
                .map(m -> {
                    Reading last = latestByMeter.get(m.id());
                    return new MeterView(m, last == null ? null : last.timestamp(), last == null ? null : last.value(),
                            pending.getOrDefault(m.id(), List.of()));
                })
                .toList();
    }
}
