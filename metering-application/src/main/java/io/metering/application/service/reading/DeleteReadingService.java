package io.metering.application.service.reading;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.ReadingRepository;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.write.SeriesGapGuard;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.DeleteReadingCommand;
import io.metering.application.port.in.reading.DeleteReadingUseCase;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.reading.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deletes stored readings (contract operation deleteMeterReading) in one transaction with the
 * counter locked. With validation on, the series left behind must stay in order
 * ({@link SeriesGapGuard}, run by {@link ReadingWriter}); otherwise the delete rolls back.
 */
public final class DeleteReadingService implements DeleteReadingUseCase {
    private final Transactions transactions;
    private final ZoneId businessZone;
    private final Reach reach;
    private final ReadingLocator locator;
    private final ReadingWriter writer;


    /** @param writer the reading write path, one per wiring (bootstrap) */
    public DeleteReadingService(Transactions transactions, Reach reach, ReadingRepository readings, ZoneId businessZone,
            ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.reach = Objects.requireNonNull(reach, "reach");
        this.locator = new ReadingLocator(readings);
        this.writer = writer;
    }

    @Override
    public List<Reading> delete(DeleteReadingCommand command) {
        Caller caller = command.caller();
        caller.requireAdmin("deleteMeterReading");
        return transactions.inTransaction(() -> {
            Meter meter = reach.meter(caller, command.address().meterId());
            Counter counter = reach.counterOf(caller, meter.id(), command.address().counterId());
            writer.lock(caller.org(), List.of(counter.id()));
            Instant t = command.address().timestamp();
            MeterLifecycle.requireChangeable(meter, businessZone, t, "");
            List<Reading> found = locator.find(caller.org(), counter, t, Optional.ofNullable(command.address().direction()));
            if (found.isEmpty()) {
                throw new NotFoundException("no reading of counter " + counter.id() + " at " + t);
            }
            writer.delete(caller, found.stream()
                    .map(r -> new SeriesGapGuard.Vacated(null, r, counter.capacity()))
                    .toList(), !command.skipValidation());
            return found;
        });
    }
}
