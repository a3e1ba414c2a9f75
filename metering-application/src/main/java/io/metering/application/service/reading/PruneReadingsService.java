package io.metering.application.service.reading;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingRepository;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.PruneReadingsCommand;
import io.metering.application.port.in.reading.PruneReadingsUseCase;
import io.metering.application.port.in.reading.PruneResult;
import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.Meter;
import java.util.HashSet;
import java.util.List;

/**
 * pruneMeterReadings (rule on {@link PruneReadingsUseCase} and {@link PruneScope}). A real run
 * locks the counters in scope so no write interleaves with the delete; a dry run counts on one
 * consistent read-only snapshot, with the same rule in the same port method, so its counts equal a
 * real run's.
 */
public final class PruneReadingsService implements PruneReadingsUseCase {
    private final Transactions transactions;
    private final CounterRepository counters;
    private final ReadingRepository readings;
    private final Reach reach;
    private final ReadingWriter writer;


    /** @param writer the reading write path, one per wiring (bootstrap) */
    public PruneReadingsService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingRepository readings, ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.readings = Objects.requireNonNull(readings, "readings");
        this.reach = new Reach(meters, counters);
        this.writer = writer;
    }

    @Override
    public PruneResult prune(PruneReadingsCommand command) {
        Caller caller = command.caller();
        caller.requireAdmin("pruneMeterReadings");
        PruneScope scope = new PruneScope(command.meterId(), command.counterId(), command.source(),
                new HashSet<>(command.keepExternalIds()));
        if (command.dryRun()) {
            return transactions.readOnly(() -> {
                checkScope(caller, command);
                return result(readings.prune(caller.org(), scope, true), true);
            });
        }
        return transactions.inTransaction(() -> {
            List<CounterId> counters = checkScope(caller, command);
            if (!counters.isEmpty()) {
                writer.lock(caller.org(), counters);
            }
            return result(writer.prune(caller, scope), false);
        });
    }

    /** @return the counters in scope */
    private List<CounterId> checkScope(Caller caller, PruneReadingsCommand command) {
        Meter meter = reach.meter(caller, command.meterId());
        if (command.counterId() != null) {
            return List.of(reach.counterOf(caller, meter.id(), command.counterId()).id());
        }
        return counters.findByMeter(caller.org(), meter.id()).stream().map(Counter::id).toList();
    }

    private static PruneResult result(PruneCounts counts, boolean dryRun) {
        return new PruneResult(counts.deleted(), counts.kept(), dryRun);
    }
}
