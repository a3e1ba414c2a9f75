package io.metering.application.service.reading;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.shared.SeriesChoice;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.AllowedRange;
import io.metering.application.port.in.reading.AllowedReadingQuery;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.PlausibilityQuestion;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * getAllowedReadingForMeter (rule on {@link AllowedReadingQuery}). The upper bound for appended
 * readings comes from the same {@link PlausibilityProvider} the write path uses, so the range shown
 * to a customer is the one their reading will be judged by. Two index lookups per counter plus one
 * for every counter's latest reading, on one read-only snapshot.
 */
public final class AllowedReadingService implements AllowedReadingQuery {
    private final Transactions transactions;
    private final CounterRepository counters;
    private final ReadingSeriesQueries series;
    private final Clock clock;
    private final ZoneId businessZone;
    private final Reach reach;
    private final PlausibilityProvider plausibility;

    /**
     * @param plausibility the plausibility rule; {@link PlausibilityProvider#NONE} leaves
     *     {@code max_value} absent for counters without later readings
     */
    public AllowedReadingService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, Clock clock, ZoneId businessZone, PlausibilityProvider plausibility) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.series = Objects.requireNonNull(series, "series");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.reach = new Reach(meters, counters);
        this.plausibility = plausibility;
    }

    @Override
    public List<AllowedRange> allowedRanges(Caller caller, MeterId meterId, Instant at) {
        Instant t = (at != null ? at : clock.instant()).truncatedTo(ChronoUnit.MILLIS);
        return transactions.readOnly(() -> {
            Meter meter = reach.meter(caller, meterId);
            OrganizationId org = caller.org();
            List<Counter> counters = AllowedReadingService.this.counters.findByMeter(org, meter.id());
            Map<CounterId, Reading> latest = series.latestPlausible(org, counters.stream().map(Counter::id).toList());
            PlausibilityPolicy policy = plausibility.forWrite(org);
            Instant closedAt = MeterLifecycle.closedAt(meter, businessZone).orElse(null);
            // a planned closing (an active meter whose instant lies ahead of now and of t) does not close it yet
            boolean closed = MeterLifecycle.isClosed(meter, businessZone, clock.instant()) || (closedAt != null && t.isAfter(closedAt));
            return counters.stream().map(c -> {
                AllowedRange open = range(org, c, SeriesChoice.direction(c, latest.get(c.id())), t, policy);
                if (!closed) {
                    return open;
                }
                // a closed meter takes no reading after its closing instant (docs/domain.md#decommissioned-meters)
                return new AllowedRange(open.counterId(), open.direction(), open.minValue(),
                        t.isAfter(closedAt) ? null : open.maxValue(), closedAt);
            }).toList();
        });
    }

    private AllowedRange range(OrganizationId org, Counter counter, Direction direction, Instant t, PlausibilityPolicy policy) {
        SeriesKey series = new SeriesKey(counter.id(), direction);
        Optional<SeriesPoint> previous = AllowedReadingService.this.series.lastPlausibleAtOrBefore(org, series, t);
        Optional<SeriesPoint> next = AllowedReadingService.this.series.firstPlausibleAfter(org, series, t);
        BigDecimal min = previous.map(SeriesPoint::value).orElse(BigDecimal.ZERO);
        BigDecimal max;
        if (next.isPresent()) {
            // a later segment start does not constrain this segment from above
            max = next.get().segmentStart() ? null : next.get().value();
        } else {
            max = previous.flatMap(p -> policy.upperBound(new PlausibilityQuestion(series, counter.capacity(), t, p, List.of())))
                    .filter(bound -> counter.capacity().map(c -> bound.compareTo(c.value()) < 0).orElse(true))
                    .orElse(null);
        }
        return new AllowedRange(counter.id(), direction, min, max);
    }
}
