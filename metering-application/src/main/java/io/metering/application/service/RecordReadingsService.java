package io.metering.application.service;

import io.metering.application.access.Caller;
import io.metering.application.port.in.ReadingInput;
import io.metering.application.port.in.RecordReadingsCommand;
import io.metering.application.port.in.RecordReadingsUseCase;
import io.metering.application.port.in.RecordResult;
import io.metering.application.port.in.WriteOptions;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetCreator;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes new readings (createMeterReading, createMeterReadings, createPortalMeterReadings) in one
 * transaction. Readings of governed meters that are not direct become pending changesets instead
 * (DOMAIN.md "Changesets"); direct writes clear the changesets they confirm.
 */
public final class RecordReadingsService implements RecordReadingsUseCase {
    private final ServiceContext ctx;
    private final ReadingPreparation preparation;
    private final ReadingWriter writer;

    /**
     * @param ctx ports, clock and zone
     * @param plausibility the plausibility rule for appended readings
     */
    public RecordReadingsService(ServiceContext ctx, PlausibilityProvider plausibility) {
        this.ctx = ctx;
        this.preparation = new ReadingPreparation(ctx);
        this.writer = new ReadingWriter(ctx, plausibility);
    }

    @Override
    public RecordResult record(RecordReadingsCommand command) {
        Caller caller = command.caller();
        WriteOptions options = command.options();
        checkAllowed(caller, options, command.readings());
        Instant now = ctx.clock().instant();
        return ctx.transactions().inTransaction(() -> {
            ReadingPreparation.Prepared prepared = preparation.prepare(caller, command.readings(), now);
            List<ReadingCandidate> direct = new ArrayList<>();
            List<ReadingCandidate> governed = new ArrayList<>();
            for (ReadingCandidate c : prepared.candidates()) {
                boolean isDirect = options.direct() || c.reading().source() == ReadingSource.ERP;
                (c.meter().isGoverned() && !isDirect ? governed : direct).add(c);
            }
            writer.lock(caller.org(), Stream.concat(direct.stream(), governed.stream()).map(c -> c.counter().id()).toList());
            boolean validate = !options.skipValidation();
            List<Reading> written = direct.isEmpty() ? List.of()
                    : writer.write(caller.org(), direct, List.of(), ReadingWriter.OnExisting.REJECT, validate);
            List<Changeset> pending = governed.isEmpty() ? List.of() : intercept(caller, governed, validate, now);
            List<Reading> confirming = written.stream()
                    .filter(r -> options.direct() || r.source() == ReadingSource.ERP)
                    .toList();
            if (!confirming.isEmpty()) {
                writer.autoClear(caller.org(), confirming);
            }
            return new RecordResult(written, pending);
        });
    }

    private List<Changeset> intercept(Caller caller, List<ReadingCandidate> governed, boolean validate, Instant now) {
        List<Reading> proposed = writer.check(caller.org(), governed, List.of(), ReadingWriter.OnExisting.REPLACE, validate);
        Map<ReadingKey, Reading> previous = ctx.readings().findByKeys(caller.org(),
                proposed.stream().map(Reading::key).collect(Collectors.toSet()));
        List<Changeset> out = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            Reading r = proposed.get(i);
            Changeset cs = new Changeset(ChangesetId.random(), caller.org(), r.meterId(), r.counterId(), Changesets.proposal(r),
                    previous.containsKey(r.key()) ? Changesets.proposal(previous.get(r.key())) : null,
                    governed.get(i).meter().governance(), now, creator(caller), r.source());
            ctx.changesets().insert(cs);
            out.add(cs);
        }
        return out;
    }

    private static ChangesetCreator creator(Caller caller) {
        return new ChangesetCreator(caller.isAdmin() ? "user" : "portal_user", caller.subject());
    }

    /** Portal users never set skip_validation, direct, source ERP or a status (DOMAIN.md "Who may do what"). */
    static void checkAllowed(Caller caller, WriteOptions options, List<ReadingInput> readings) {
        if (caller.isAdmin()) {
            return;
        }
        if (options.skipValidation()) {
            throw new ForbiddenException("portal users may not use skip_validation");
        }
        if (options.direct()) {
            throw new ForbiddenException("portal users may not use direct");
        }
        for (int i = 0; i < readings.size(); i++) {
            ReadingInput in = readings.get(i);
            if (in.source() == ReadingSource.ERP) {
                throw new ForbiddenException("readings[" + i + "]: portal users may not send source ERP");
            }
            if (in.status() != null) {
                throw new ForbiddenException("readings[" + i + "]: portal users may not set a status");
            }
        }
    }
}
