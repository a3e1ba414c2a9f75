package io.metering.application.service.meter;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.ChangesetRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.access.Caller;
import io.metering.application.model.PageRequest;
import io.metering.application.port.in.meter.CounterView;
import io.metering.application.port.in.meter.MeterView;
import io.metering.application.port.in.meter.ViewMetersQuery;
import io.metering.application.port.out.MeterSearch;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import java.time.LocalDate;
import java.util.List;

/**
 * The contract's meter and counter reads. Portal users see only the meters of their contact or
 * contracts (docs/domain.md#who-may-do-what); the rest reads as not found.
 */
public final class MeterViewService implements ViewMetersQuery {
    private final Transactions transactions;
    private final MeterRepository meters;
    private final CounterRepository counters;
    private final Reach reach;
    private final CounterInsights insights;

    /**
     * @param forecasts forecast of counter values
     */
    public MeterViewService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock, ZoneId businessZone,
            ForecastProvider forecasts) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.reach = new Reach(meters, counters);
        this.insights = new CounterInsights(counters, series, changesets, clock, businessZone, forecasts);
    }

    @Override
    public List<MeterView> customerMeters(Caller caller, boolean includePendingChangesets) {
        if (caller.isAdmin()) {
            throw new ForbiddenException("getCustomerMeters lists a portal customer's meters; admin tokens have no customer");
        }
        return transactions.readOnly(() -> {
            List<Meter> meters = this.meters
                    .search(caller.org(), MeterSearch.reachableBy(caller.contactId(), caller.contractIds()), new PageRequest(0, PageRequest.ALL))
                    .items();
            return insights.meters(caller.org(), meters, includePendingChangesets);
        });
    }

    @Override
    public List<MeterView> metersByContract(Caller caller, String contractId) {
        return transactions.readOnly(() -> {
            MeterSearch search = caller.isAdmin() ? MeterSearch.all()
                    : MeterSearch.reachableBy(caller.contactId(), caller.contractIds());
            List<Meter> meters = MeterViewService.this.meters.search(caller.org(), search.withContract(contractId),
                    new PageRequest(0, PageRequest.ALL)).items();
            return insights.meters(caller.org(), meters, false);
        });
    }

    @Override
    public MeterView meter(Caller caller, MeterId id) {
        return transactions.readOnly(() -> insights.meters(caller.org(), List.of(reach.meter(caller, id)), false).get(0));
    }

    @Override
    public List<CounterView> counters(Caller caller, MeterId meterId, LocalDate forecastDate) {
        return transactions.readOnly(() -> {
            reach.meter(caller, meterId);
            return insights.counters(caller.org(), counters.findByMeter(caller.org(), meterId), forecastDate);
        });
    }

    @Override
    public CounterView counter(Caller caller, CounterId counterId, LocalDate forecastDate) {
        return transactions.readOnly(() -> {
            Counter counter = reach.counter(caller, counterId);
            return insights.counters(caller.org(), List.of(counter), forecastDate).get(0);
        });
    }
}
