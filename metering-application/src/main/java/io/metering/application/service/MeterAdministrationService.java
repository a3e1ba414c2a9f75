package io.metering.application.service;

import io.metering.application.access.Caller;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.ManageMetersUseCase;
import io.metering.application.port.in.MeterChanges;
import io.metering.application.port.in.MeterFilter;
import io.metering.application.port.in.MeterView;
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

    private final ServiceContext ctx;
    private final Reach reach;
    private final CounterInsights insights;
    private final WriteListener listener;

    /** @param ctx ports, clock and zone */
    public MeterAdministrationService(ServiceContext ctx) {
        this(ctx, WriteListener.NONE);
    }

    /**
     * @param ctx ports, clock and zone
     * @param changes told of every meter created, changed or deleted, in the write's transaction
     */
    public MeterAdministrationService(ServiceContext ctx, WriteListener changes) {
        this.ctx = ctx;
        this.listener = changes;
        this.reach = new Reach(ctx);
        this.insights = new CounterInsights(ctx, ForecastProvider.NONE);
    }

    @Override
    public Meter create(Caller caller, MeterId givenId, MeterChanges fields) {
        caller.requireAdmin("creating meters");
        MeterId id = givenId == null ? MeterId.random() : givenId;
        Instant now = ctx.clock().instant();
        Meter meter = MeterEdit.apply(Meter.builder(id, caller.org(), now).build(), fields, ctx.businessZone(), now);
        return ctx.transactions().inTransaction(() -> {
            if (ctx.meters().findById(caller.org(), id).isPresent()) {
                throw new ConflictException("meter " + id + " exists");
            }
            ctx.meters().insert(meter);
            listener.meterCreated(caller, meter);
            return meter;
        });
    }

    @Override
    public Page<MeterView> list(Caller caller, MeterFilter filter, PageRequest page) {
        caller.requireAdmin("listing meters");
        MeterSearch search = new MeterSearch(filter.customerId(), filter.contractId(), filter.maLoId(), filter.meterNumber(),
                null, Set.of(), false, filter.text());
        return ctx.transactions().readOnly(() -> {
            Page<Meter> meters = ctx.meters().search(caller.org(), search, page);
            return new Page<>(insights.meters(caller.org(), meters.items(), false), meters.total());
        });
    }

    @Override
    public Meter update(Caller caller, MeterId id, MeterChanges changes) {
        return ctx.transactions().inTransaction(() -> {
            Meter current = reach.meter(caller, id);
            if (!caller.isAdmin()) {
                MeterEdit.requirePortalMayChange(changes);
            }
            Meter updated = MeterEdit.apply(current, changes, ctx.businessZone(), ctx.clock().instant());
            requireNoReadingsAfterClosing(current, updated);
            ctx.meters().update(updated);
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
        Optional<Instant> closing = MeterLifecycle.closedAt(updated, ctx.businessZone());
        if (closing.isEmpty() || closing.equals(MeterLifecycle.closedAt(current, ctx.businessZone()))) {
            return;
        }
        List<CounterId> counters = ctx.counters().findByMeter(updated.org(), updated.id()).stream().map(Counter::id).toList();
        if (counters.isEmpty()) {
            return;
        }
        ctx.counters().lockForReadingWrite(updated.org(), counters);
        // stored instants have microseconds at most: a microsecond after the closing is the first one after it
        Instant after = closing.get().plus(1, ChronoUnit.MICROS);
        Optional<Instant> latest = counters.stream()
                .flatMap(c -> ctx.series().range(updated.org(), c, Optional.empty(), after, LATEST_STORABLE, SortOrder.DESC,
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
        ctx.transactions().inTransaction(() -> {
            Meter gone = reach.meter(caller, id);
            boolean deleted = ctx.meters().delete(caller.org(), id);
            if (deleted) {
                listener.meterDeleted(caller, gone);
            }
            return deleted;
        });
    }
}
