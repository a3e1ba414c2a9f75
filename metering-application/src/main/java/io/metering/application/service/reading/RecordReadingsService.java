package io.metering.application.service.reading;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingRecorder;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.access.Caller;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordReadingsUseCase;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.reading.ReadingSource;
import java.time.Instant;
import java.util.List;

/**
 * Writes new readings (createMeterReading, createMeterReadings, createPortalMeterReadings) in one
 * transaction. Readings of governed meters that are not direct become pending changesets instead
 * (docs/domain.md#changesets); direct writes clear the changesets they confirm.
 */
public final class RecordReadingsService implements RecordReadingsUseCase {
    private final Transactions transactions;
    private final Clock clock;
    private final ReadingRecorder recorder;


    /** @param writer the reading write path, one per wiring (bootstrap) */
    public RecordReadingsService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, Clock clock, ZoneId businessZone, ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recorder = new ReadingRecorder(meters, counters, series, businessZone, writer);
    }

    @Override
    public RecordResult record(RecordReadingsCommand command) {
        Caller caller = command.caller();
        checkAllowed(caller, command.options(), command.readings());
        Instant now = clock.instant();
        return transactions.inTransaction(() -> recorder.record(caller, command.readings(), command.options(), now));
    }

    /** Portal users never set skip_validation, direct, source ERP or a status (docs/domain.md#who-may-do-what). */
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
