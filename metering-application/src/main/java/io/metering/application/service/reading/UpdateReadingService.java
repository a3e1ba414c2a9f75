package io.metering.application.service.reading;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.ReadingRepository;
import java.time.Clock;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.write.ChangesetInterceptor;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.write.SeriesGapGuard;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.ReadingChanges;
import io.metering.application.port.in.reading.ReadingOutcome;
import io.metering.application.port.in.reading.UpdateReadingCommand;
import io.metering.application.port.in.reading.UpdateReadingUseCase;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes a stored reading (contract operation updateMeterReading) through the shared write path:
 * the counter is locked, the reading located (404 when absent, never a silent no-op), its new
 * content validated against its new neighbours with the old key excluded, and stored in place of
 * the old one. A changed timestamp moves the reading; the emptied position is then checked like a
 * delete ({@link SeriesGapGuard}, run by {@link ReadingWriter}). On a governed meter a write that is neither {@code direct} nor
 * source ERP becomes a pending changeset (docs/domain.md#changesets); direct writes clear the
 * changesets they confirm.
 */
public final class UpdateReadingService implements UpdateReadingUseCase {
    private final Transactions transactions;
    private final ReadingRepository readings;
    private final Clock clock;
    private final Reach reach;
    private final ReadingLocator locator;
    private final ReadingWriter writer;


    /** @param writer the reading write path, one per wiring (bootstrap) */
    public UpdateReadingService(Transactions transactions, Reach reach, ReadingRepository readings, Clock clock,
            ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.readings = Objects.requireNonNull(readings, "readings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reach = Objects.requireNonNull(reach, "reach");
        this.locator = new ReadingLocator(readings);
        this.writer = writer;
    }

    @Override
    public ReadingOutcome update(UpdateReadingCommand command) {
        Caller caller = command.caller();
        caller.requireAdmin("updateMeterReading");
        WriteOptions options = command.options();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Meter meter = reach.meter(caller, command.address().meterId());
            Counter counter = reach.counterOf(caller, meter.id(), command.address().counterId());
            writer.lock(caller.org(), List.of(counter.id()));
            Reading old = locate(caller, counter, command);
            MeterLifecycle.requireChangeable(meter, writer.businessZone(), old.timestamp(), "");
            Reading updated = merge(old, command.changes());
            ReadingCandidate candidate = new ReadingCandidate(0, updated, meter, counter, updated.status() != null);
            boolean moved = !updated.key().equals(old.key());
            if (ChangesetInterceptor.isIntercepted(options, candidate)) {
                if (moved) {
                    throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "meter " + meter.id()
                            + " is governed: a changeset proposes a value at one instant and cannot move a reading;"
                            + " confirm the move with direct=true or source ERP");
                }
                return ReadingOutcome.pending(writer.writeFor(caller, options, List.of(), List.of(), ReadingWriter.OnExisting.REPLACE,
                        List.of(candidate), now).pending().get(0));
            }
            if (moved && !readings.findByKeys(caller.org(), List.of(updated.key())).isEmpty()) {
                throw new InvalidRequestException(RejectionReason.DUPLICATE_READING, "a reading of counter " + counter.id()
                        + " in direction " + updated.direction().code() + " exists at " + updated.timestamp());
            }
            return ReadingOutcome.written(writer.writeFor(caller, options, List.of(candidate),
                    List.of(new SeriesGapGuard.Vacated(null, old, counter.capacity())), ReadingWriter.OnExisting.REPLACE,
                    List.of(), now).readings().get(0));
        });
    }

    private Reading locate(Caller caller, Counter counter, UpdateReadingCommand command) {
        Instant t = command.address().timestamp();
        List<Reading> found = locator.find(caller.org(), counter, t, Optional.ofNullable(command.address().direction()));
        if (found.isEmpty()) {
            throw new NotFoundException("no reading of counter " + counter.id() + " at " + t);
        }
        if (found.size() > 1) {
            throw new InvalidRequestException(RejectionReason.NO_DIRECTION, "counter " + counter.id()
                    + " has readings of both directions at " + t + "; name the direction");
        }
        return found.get(0);
    }

    /**
     * The stored reading with the changes applied: given fields replace, absent ones keep, explicit
     * nulls clear. A new value on a reading marked implausible clears that mark (unless a status is
     * sent), so the corrected value is judged afresh instead of staying out of every check.
     */
    private static Reading merge(Reading old, ReadingChanges ch) {
        ReadingStatus status = !ch.status().keeps() ? ch.status().applyTo(old.status())
                : old.isImplausible() && old.value().compareTo(ch.value()) != 0 ? null : old.status();
        Map<String, String> metadata = ch.metadata().applyTo(old.metadata());
        return new Reading(old.meterId(), old.counterId(), old.direction(),
                ch.timestamp() != null ? ch.timestamp() : old.timestamp(), ch.value(), ch.source(),
                ch.reason().applyTo(old.reason()), ch.readBy().applyTo(old.readBy()), status,
                ch.externalId().applyTo(old.externalId()), ch.remark().applyTo(old.remark()),
                old.note(), old.unit(), metadata == null ? Map.of() : metadata);
    }
}
