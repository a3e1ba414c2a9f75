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
import io.metering.application.service.write.WriteListener;
import io.metering.application.access.Caller;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.meter.ManageMetersUseCase;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.in.meter.MeterFilter;
import io.metering.application.port.in.meter.MeterView;
import io.metering.application.port.out.MeterSearch;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.reading.Reading;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Meter administration (this product's extension) and the contract's updateMeter. Creating,
 * listing and deleting are admin-only; portal users may update their own meters except the
 * attributes that decide ownership and identity.
 */
public final class MeterAdministrationService implements ManageMetersUseCase {
    /** An upper bound beyond any reading's timestamp (readings lie at most a day in the future). */
    private static final Instant LATEST_STORABLE = Instant.parse("9999-12-31T23:59:59Z");

    private final Transactions transactions;
    private final MeterRepository meters;
    private final CounterRepository counters;
    private final ReadingSeriesQueries series;
    private final Clock clock;
    private final ZoneId businessZone;
    private final Reach reach;
    private final CounterInsights insights;
    private final WriteListener listener;

    public MeterAdministrationService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock, ZoneId businessZone) {
        this(transactions, meters, counters, series, changesets, clock, businessZone, WriteListener.NONE);
    }

    /**
     * @param changes told of every meter created, changed or deleted, in the write's transaction
     */
    public MeterAdministrationService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock, ZoneId businessZone,
            WriteListener changes) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.series = Objects.requireNonNull(series, "series");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.listener = changes;
        this.reach = new Reach(meters, counters);
        this.insights = new CounterInsights(counters, series, changesets, clock, businessZone, ForecastProvider.NONE);
    }

    @Override
    public Meter create(Caller caller, MeterId givenId, MeterChanges fields) {
        caller.requireAdmin("creating meters");
        MeterId id = givenId == null ? MeterId.random() : givenId;
        Instant now = clock.instant();
        Meter meter = MeterEdit.apply(Meter.builder(id, caller.org(), now).build(), fields, businessZone, now);
        return transactions.inTransaction(() -> {
            if (meters.findById(caller.org(), id).isPresent()) {
                throw new ConflictException("meter " + id + " exists");
            }
            meters.insert(meter);
            listener.meterCreated(caller, meter);
            return meter;
        });
    }

    @Override
    public Page<MeterView> list(Caller caller, MeterFilter filter, PageRequest page) {
        caller.requireAdmin("listing meters");
        MeterSearch search = new MeterSearch(filter.customerId(), filter.contractId(), filter.maLoId(), filter.meterNumber(),
                null, Set.of(), false, filter.text());
        return transactions.readOnly(() -> {
            Page<Meter> meters = MeterAdministrationService.this.meters.search(caller.org(), search, page);
            return new Page<>(insights.meters(caller.org(), meters.items(), false), meters.total());
        });
    }

    @Override
    public Meter update(Caller caller, MeterId id, MeterChanges changes) {
        return transactions.inTransaction(() -> {
            Meter current = reach.meter(caller, id);
            if (!caller.isAdmin()) {
                MeterEdit.requirePortalMayChange(changes);
            }
            Meter updated = MeterEdit.apply(current, changes, businessZone, clock.instant());
            if (updated.toBuilder().updatedAt(current.updatedAt()).build().equals(current)) {
                // a change that changes nothing (values as stored, or only ignored identity fields) is no change:
                // no write, no change event (docs/domain.md#change-events)
                return current;
            }
            requireNoReadingsAfterClosing(current, updated);
            meters.update(updated);
            listener.meterUpdated(caller, updated);
            return updated;
        });
    }

    /**
     * A meter may not be closed before a reading it holds: nothing may be written after the closing
     * instant, so that reading could never be corrected or removed again, yet would keep counting
     * (docs/domain.md#decommissioned-meters). Checked when the closing instant changes, with the
     * meter's counters locked against concurrent reading writes.
     *
     * @throws ConflictException 409 {@code readings_after_decommissioning}, naming the latest reading's instant
     */
    private void requireNoReadingsAfterClosing(Meter current, Meter updated) {
        Optional<Instant> closing = MeterLifecycle.closedAt(updated, businessZone);
        if (closing.isEmpty() || closing.equals(MeterLifecycle.closedAt(current, businessZone))) {
            return;
        }
        List<CounterId> counters = MeterAdministrationService.this.counters.findByMeter(updated.org(),
                updated.id()).stream().map(Counter::id).toList();
        if (counters.isEmpty()) {
            return;
        }
        MeterAdministrationService.this.counters.lockForReadingWrite(updated.org(), counters);
        // stored instants have microseconds at most: a microsecond after the closing is the first one after it
        Instant after = closing.get().plus(1, ChronoUnit.MICROS);
        Optional<Instant> latest = counters.stream()
                .flatMap(c -> series.range(updated.org(), c, Optional.empty(), after, LATEST_STORABLE, SortOrder.DESC,
                        new PageRequest(0, 1)).stream())
                .map(Reading::timestamp)
                .max(Instant::compareTo);
        if (latest.isPresent()) {
            throw new ConflictException(RejectionReason.READINGS_AFTER_DECOMMISSIONING, "meter " + updated.id()
                    + " cannot be decommissioned at " + closing.get() + ": it holds readings after that instant, the latest at "
                    + latest.get() + "; decommission it at or after " + latest.get() + ", or delete those readings first");
        }
    }

    @Override
    public void delete(Caller caller, MeterId id) {
        caller.requireAdmin("deleting meters");
        transactions.inTransaction(() -> {
            Meter gone = reach.meter(caller, id);
            boolean deleted = meters.delete(caller.org(), id);
            if (deleted) {
                listener.meterDeleted(caller, gone);
            }
            return deleted;
        });
    }
}
