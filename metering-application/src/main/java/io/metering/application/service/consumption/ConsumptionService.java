package io.metering.application.service.consumption;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.ReadingSeriesQueries;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.shared.SeriesChoice;
import io.metering.application.access.Caller;
import io.metering.application.port.in.consumption.ConsumptionQuery;
import io.metering.application.port.in.consumption.ConsumptionReport;
import io.metering.application.port.in.consumption.ConsumptionRequest;
import io.metering.domain.consumption.CalendarPeriods;
import io.metering.domain.consumption.ConsumptionByPeriod;
import io.metering.domain.consumption.ConsumptionCurve;
import io.metering.domain.consumption.ConsumptionTable;
import io.metering.domain.consumption.Period;
import io.metering.domain.loadprofile.IntervalConsumption;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.application.port.out.IntervalValueStore;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import io.metering.domain.time.TimeInput;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumption by period (rules on {@link ConsumptionQuery}). On one read-only snapshot: the reach
 * checks, then three index scans of the series: the nearest plausible reading at or before the
 * span's start, the plausible readings inside it, and the nearest one after its end (plus one
 * lookup of the latest reading when neither the request nor the counter names a direction).
 */
public final class ConsumptionService implements ConsumptionQuery {
    private final Transactions transactions;
    private final ReadingSeriesQueries series;
    private final ZoneId businessZone;
    private final IntervalValueStore intervals;
    private final Reach reach;

    public ConsumptionService(Transactions transactions, Reach reach, ReadingSeriesQueries series, ZoneId businessZone) {
        this(transactions, reach, series, businessZone, IntervalValueStore.NONE);
    }

    /**
     * @param intervals the interval values: a counter with interval values in the span is measured by
     *     them (docs/load-profiles.md "Consumption"), others by their readings
     */
    public ConsumptionService(Transactions transactions, Reach reach, ReadingSeriesQueries series, ZoneId businessZone,
            IntervalValueStore intervals) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.series = Objects.requireNonNull(series, "series");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.intervals = intervals;
        this.reach = Objects.requireNonNull(reach, "reach");
    }

    @Override
    public ConsumptionReport consumption(ConsumptionRequest q) {
        ZoneId zone = q.zone() != null ? q.zone() : businessZone;
        Instant from = start(q.start(), zone);
        Instant to = end(q.end(), zone);
        if (!from.isBefore(to)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                    "start_date (" + from + ") must lie before end_date (" + to + ")");
        }
        Period span = new Period(from, to);
        List<Period> periods = CalendarPeriods.split(span, q.interval(), zone, MAX_PERIODS);
        Caller caller = q.caller();
        return transactions.readOnly(() -> {
            Counter counter = reach.counterOf(caller, q.meterId(), q.counterId());
            Direction direction = q.direction().orElseGet(() -> SeriesChoice.direction(counter,
                    counter.impliedDirection().isPresent() ? null
                            : series.latestPlausible(caller.org(), List.of(counter.id())).get(counter.id())));
            List<IntervalValue> values = intervals.overlapping(caller.org(), counter.id(), span.start(), span.end());
            if (!values.isEmpty()) {
                return new ConsumptionReport(counter, direction, q.interval(), zone, span,
                        IntervalConsumption.of(values, periods, counter.energyFactor()), true);
            }
            SeriesKey series = new SeriesKey(counter.id(), direction);
            ConsumptionCurve curve = ConsumptionCurve.of(points(caller.org(), series, span), counter.capacity());
            ConsumptionTable table = ConsumptionByPeriod.of(curve, periods, counter.energyFactor());
            return new ConsumptionReport(counter, direction, q.interval(), zone, span, table);
        });
    }

    /** The plausible points inside the span and the nearest one on either side of it, ascending. */
    private List<SeriesPoint> points(OrganizationId org, SeriesKey series, Period span) {
        List<SeriesPoint> out = new ArrayList<>();
        ConsumptionService.this.series.lastPlausibleAtOrBefore(org, series, span.start()).ifPresent(out::add);
        for (SeriesPoint p : ConsumptionService.this.series.plausibleBetween(org, series, span.start(), span.end())) {
            if (out.isEmpty() || p.timestamp().isAfter(out.get(out.size() - 1).timestamp())) {
                out.add(p);
            }
        }
        ConsumptionService.this.series.firstPlausibleAfter(org, series, span.end()).ifPresent(out::add);
        return out;
    }

    private static Instant start(TimeInput start, ZoneId zone) {
        return start instanceof TimeInput.DateOnly d ? d.date().atStartOfDay(zone).toInstant() : ((TimeInput.Exact) start).instant();
    }

    /** A date includes that whole day: the span ends where the next day begins. */
    private static Instant end(TimeInput end, ZoneId zone) {
        return end instanceof TimeInput.DateOnly d ? d.date().plusDays(1).atStartOfDay(zone).toInstant()
                : ((TimeInput.Exact) end).instant();
    }
}
