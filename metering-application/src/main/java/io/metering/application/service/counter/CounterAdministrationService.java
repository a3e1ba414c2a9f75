package io.metering.application.service.counter;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import java.time.Clock;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.write.WriteListener;
import io.metering.application.access.Caller;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.port.in.counter.ManageCountersUseCase;
import io.metering.domain.counter.UnitLabel;
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
    private final Transactions transactions;
    private final MeterRepository meters;
    private final CounterRepository counters;
    private final ReadingSeriesQueries series;
    private final Clock clock;
    private final Reach reach;
    private final WriteListener listener;

    public CounterAdministrationService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, Clock clock) {
        this(transactions, meters, counters, series, clock, WriteListener.NONE);
    }

    /**
     * @param changes told of every counter created, changed or deleted, in the write's transaction
     */
    public CounterAdministrationService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, Clock clock, WriteListener changes) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.series = Objects.requireNonNull(series, "series");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = changes;
        this.reach = new Reach(meters, counters);
    }

    @Override
    public Counter create(Caller caller, MeterId meterId, CounterId givenId, CounterChanges fields) {
        caller.requireAdmin("creating counters");
        CounterId id = givenId == null ? CounterId.random() : givenId;
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            reach.meter(caller, meterId);
            // never a counter of a meter being deleted at the same time
            meters.lockForCounterChanges(caller.org(), meterId);
            if (counters.findById(caller.org(), id).isPresent()) {
                throw new ConflictException("counter " + id + " exists");
            }
            Counter counter = CounterEdit.apply(Counter.builder(id, caller.org(), meterId, now).build(), fields, now);
            counters.insert(counter);
            listener.counterCreated(caller, counter);
            return counter;
        });
    }

    @Override
    public Counter update(Caller caller, CounterId id, CounterChanges changes) {
        caller.requireAdmin("changing counters");
        return transactions.inTransaction(() -> {
            Counter current = reach.counter(caller, id);
            counters.lockForReadingWrite(caller.org(), List.of(id));
            Counter updated = CounterEdit.apply(current, changes, clock.instant());
            if (updated.toBuilder().updatedAt(current.updatedAt()).build().equals(current)) {
                // nothing changes (values as stored, or only ignored derived fields): no write, no change event
                return current;
            }
            checkStoredReadingsKeepTheirMeaning(caller, current, updated);
            checkCapacityFitsStoredReadings(caller, updated);
            counters.update(updated);
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
        if (UnitLabel.meaning(current.unit()) != null && !UnitLabel.same(current.unit(), updated.unit())) {
            changed.add("unit");
        }
        if (changed.isEmpty() || series.firstTimestamp(caller.org(), current.id(), Optional.empty()).isEmpty()) {
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
        series.maxValue(caller.org(), counter.id())
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
        transactions.inTransaction(() -> {
            Counter gone = reach.counter(caller, id);
            counters.lockForReadingWrite(caller.org(), List.of(id));
            boolean deleted = counters.delete(caller.org(), id);
            if (deleted) {
                listener.counterDeleted(caller, gone);
            }
            return deleted;
        });
    }
}
