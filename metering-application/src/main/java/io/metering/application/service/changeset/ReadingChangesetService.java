package io.metering.application.service.changeset;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ChangesetRepository;
import java.time.Clock;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.access.Caller;
import io.metering.application.port.in.changeset.AppliedChangeset;
import io.metering.application.port.in.changeset.ChangesetAddress;
import io.metering.application.port.in.changeset.DismissedChangeset;
import io.metering.application.port.in.changeset.ProposalChanges;
import io.metering.application.port.in.changeset.ReadingChangesetsUseCase;
import io.metering.application.port.in.changeset.UpdateChangesetCommand;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ProposedReading;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingTarget;
import io.metering.domain.reading.SeriesKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changeset operations (semantics on {@link ReadingChangesetsUseCase}). Patch, apply and
 * dismiss lock the changeset's counter, so an apply never interleaves with a patch or dismiss of the
 * same changeset.
 *
 * <p>Applying builds the reading from the proposal. The proposal carries only the contract's
 * {@code ProposedReading} fields, so note, unit and metadata are kept from the reading stored at the
 * proposed key, if any; the source is the intercepted write's (360 when unknown).
 */
public final class ReadingChangesetService implements ReadingChangesetsUseCase {
    /** Longest accepted dismissal reason. */
    private static final int MAX_REASON = 1000;
    private final Transactions transactions;
    private final ReadingRepository readings;
    private final ChangesetRepository changesets;
    private final Clock clock;
    private final Reach reach;
    private final ReadingWriter writer;


    /** @param writer the reading write path, one per wiring (bootstrap) */
    public ReadingChangesetService(Transactions transactions, Reach reach, ReadingRepository readings, ChangesetRepository changesets, Clock clock, ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.readings = Objects.requireNonNull(readings, "readings");
        this.changesets = Objects.requireNonNull(changesets, "changesets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reach = Objects.requireNonNull(reach, "reach");
        this.writer = writer;
    }

    @Override
    public List<Changeset> pending(Caller caller, MeterId meterId, CounterId counterId) {
        return transactions.readOnly(() -> {
            Counter counter = reach.counterOf(caller, meterId, counterId);
            return changesets.findByCounter(caller.org(), meterId, counter.id());
        });
    }

    @Override
    public Changeset update(UpdateChangesetCommand command) {
        Caller caller = command.caller();
        caller.requireAdmin("updateReadingChangeset");
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Counter counter = reach.counterOf(caller, command.address().meterId(), command.address().counterId());
            writer.lock(caller.org(), List.of(counter.id()));
            Changeset cs = find(caller, command.address());
            ProposedReading merged = merge(cs.proposed(), command.changes());
            if (merged.direction() != null && counter.direction() != null && merged.direction() != counter.direction()) {
                throw new InvalidRequestException(RejectionReason.DIRECTION_MISMATCH, "proposed.direction " + merged.direction().code()
                        + " contradicts counter " + counter.id() + ", which measures " + counter.direction().code());
            }
            if (merged.timestamp().isAfter(now)) {
                throw new InvalidRequestException(RejectionReason.TIMESTAMP_FUTURE,
                        "proposed.timestamp " + merged.timestamp() + " is in the future");
            }
            Changeset updated = cs.withProposed(merged);
            changesets.update(updated);
            writer.changes().changesetUpdated(caller, updated);
            return updated;
        });
    }

    @Override
    public AppliedChangeset apply(Caller caller, ChangesetAddress address) {
        caller.requireAdmin("applyReadingChangeset");
        return transactions.inTransaction(() -> {
            Meter meter = reach.meter(caller, address.meterId());
            Counter counter = reach.counterOf(caller, meter.id(), address.counterId());
            writer.lock(caller.org(), List.of(counter.id()));
            Changeset cs = find(caller, address);
            ProposedReading p = cs.proposed();
            Direction direction = ReadingTarget.resolve(meter, List.of(counter), Optional.of(counter.id()),
                    Optional.ofNullable(p.direction())).direction();
            ReadingKey key = new ReadingKey(new SeriesKey(counter.id(), direction), p.timestamp());
            Map<ReadingKey, Reading> stored = readings.findByKeys(caller.org(), List.of(key));
            Reading existing = stored.get(key);
            ReadingSource source = cs.source() != null ? cs.source() : existing != null ? existing.source() : ReadingSource.APP_360;
            Reading reading = new Reading(meter.id(), counter.id(), direction, p.timestamp(), p.value(), source, p.reason(),
                    p.readBy(), p.status(), p.externalId(), p.remark(), existing == null ? null : existing.note(),
                    existing == null ? null : existing.unit(), existing == null ? null : existing.metadata());
            Reading written = writer.write(caller, List.of(new ReadingCandidate(0, reading, meter, counter, p.status() != null)),
                    List.of(), ReadingWriter.OnExisting.REPLACE, true).get(0);
            writer.clear(caller, List.of(cs));
            return new AppliedChangeset(written, cs);
        });
    }

    @Override
    public DismissedChangeset dismiss(Caller caller, ChangesetAddress address, String reason) {
        caller.requireAdmin("dismissReadingChangeset");
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "reason is longer than " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Counter counter = reach.counterOf(caller, address.meterId(), address.counterId());
            writer.lock(caller.org(), List.of(counter.id()));
            Changeset cs = find(caller, address);
            changesets.delete(caller.org(), cs.id());
            writer.changes().changesetDismissed(caller, cs);
            return new DismissedChangeset(cs, reason, now);
        });
    }

    /** The changeset if it belongs to the path's meter and counter in the caller's organization. */
    private Changeset find(Caller caller, ChangesetAddress address) {
        return changesets.findById(caller.org(), address.changesetId())
                .filter(cs -> cs.meterId().equals(address.meterId()) && cs.counterId().equals(address.counterId()))
                .orElseThrow(() -> new NotFoundException("changeset " + address.changesetId() + " not found"));
    }

    private static ProposedReading merge(ProposedReading p, ProposalChanges ch) {
        return new ProposedReading(ch.value() != null ? ch.value() : p.value(),
                ch.direction() != null ? ch.direction() : p.direction(),
                ch.timestamp() != null ? ch.timestamp() : p.timestamp(),
                ch.reason() != null ? ch.reason() : p.reason(),
                ch.remark() != null ? ch.remark() : p.remark(),
                ch.readBy() != null ? ch.readBy() : p.readBy(),
                ch.status() != null ? ch.status() : p.status(),
                ch.externalId() != null ? ch.externalId() : p.externalId());
    }
}
