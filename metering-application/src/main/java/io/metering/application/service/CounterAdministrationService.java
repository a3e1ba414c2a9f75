package io.metering.application.service;

import io.metering.application.access.Caller;
import io.metering.application.port.in.CounterChanges;
import io.metering.application.port.in.ManageCountersUseCase;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Counter administration (this product's extension). Admin only. */
public final class CounterAdministrationService implements ManageCountersUseCase {
    private final ServiceContext ctx;
    private final Reach reach;
    private final WriteListener listener;

    /** @param ctx ports, clock and zone */
    public CounterAdministrationService(ServiceContext ctx) {
        this(ctx, WriteListener.NONE);
    }

    /**
     * @param ctx ports, clock and zone
     * @param changes told of every counter created, changed or deleted, in the write's transaction
     */
    public CounterAdministrationService(ServiceContext ctx, WriteListener changes) {
        this.ctx = ctx;
        this.listener = changes;
        this.reach = new Reach(ctx);
    }

    @Override
    public Counter create(Caller caller, MeterId meterId, CounterId givenId, CounterChanges fields) {
        caller.requireAdmin("creating counters");
        CounterId id = givenId == null ? CounterId.random() : givenId;
        Instant now = ctx.clock().instant();
        return ctx.transactions().inTransaction(() -> {
            reach.meter(caller, meterId);
            // never a counter of a meter being deleted at the same time
            ctx.meters().lockForCounterChanges(caller.org(), meterId);
            if (ctx.counters().findById(caller.org(), id).isPresent()) {
                throw new ConflictException("counter " + id + " exists");
            }
            Counter counter = CounterEdit.apply(Counter.builder(id, caller.org(), meterId, now).build(), fields, now);
            ctx.counters().insert(counter);
            listener.counterCreated(caller, counter);
            return counter;
        });
    }

    @Override
    public Counter update(Caller caller, CounterId id, CounterChanges changes) {
        caller.requireAdmin("changing counters");
        return ctx.transactions().inTransaction(() -> {
            Counter current = reach.counter(caller, id);
            ctx.counters().lockForReadingWrite(caller.org(), List.of(id));
            Counter updated = CounterEdit.apply(current, changes, ctx.clock().instant());
            checkStoredReadingsKeepTheirMeaning(caller, current, updated);
            checkCapacityFitsStoredReadings(caller, updated);
            ctx.counters().update(updated);
            listener.counterUpdated(caller, updated);
            return updated;
        });
    }

    /**
     * Readings are keyed by counter and direction and their values are in the counter's unit, so a
     * change of the direction the counter measures (declared, or implied by its OBIS code; docs/domain.md
     * "Writing readings") or of a declared unit would strand or silently rescale the stored series:
     * refused with 409 {@code counter_has_readings} while the counter holds any reading.
     */
    private void checkStoredReadingsKeepTheirMeaning(Caller caller, Counter current, Counter updated) {
        List<String> changed = new ArrayList<>();
        if (!current.impliedDirection().equals(updated.impliedDirection())) {
            changed.add("direction");
        }
        // declaring a unit where none was set names what the values already meant; replacing one rescales them
        if (current.unit() != null && !current.unit().equals(updated.unit())) {
            changed.add("unit");
        }
        if (changed.isEmpty() || ctx.series().firstTimestamp(caller.org(), current.id(), Optional.empty()).isEmpty()) {
            return;
        }
        throw new ConflictException(RejectionReason.COUNTER_HAS_READINGS, "counter " + current.id() + " has readings; its "
                + String.join(" and ", changed) + " cannot change while it does (delete the readings or create a new counter)");
    }

    /** A capacity at or below a stored value would turn every later reading into a rejection. */
    private void checkCapacityFitsStoredReadings(Caller caller, Counter counter) {
        if (counter.registerCapacity() == null) {
            return;
        }
        ctx.series().maxValue(caller.org(), counter.id())
                .filter(max -> max.compareTo(counter.registerCapacity()) >= 0)
                .ifPresent(max -> {
                    throw new InvalidRequestException(RejectionReason.EXCEEDS_REGISTER_CAPACITY, "register_capacity "
                            + counter.registerCapacity().toPlainString() + " is not above the stored reading value "
                            + max.toPlainString());
                });
    }

    @Override
    public void delete(Caller caller, CounterId id) {
        caller.requireAdmin("deleting counters");
        ctx.transactions().inTransaction(() -> {
            Counter gone = reach.counter(caller, id);
            ctx.counters().lockForReadingWrite(caller.org(), List.of(id));
            boolean deleted = ctx.counters().delete(caller.org(), id);
            if (deleted) {
                listener.counterDeleted(caller, gone);
            }
            return deleted;
        });
    }
}
