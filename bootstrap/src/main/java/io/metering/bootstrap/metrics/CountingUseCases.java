package io.metering.bootstrap.metrics;

import io.metering.application.access.Caller;
import io.metering.application.port.in.changeset.AppliedChangeset;
import io.metering.application.port.in.batch.BatchItemResult;
import io.metering.application.port.in.changeset.ChangesetAddress;
import io.metering.application.port.in.changeset.DismissedChangeset;
import io.metering.application.port.in.imports.ImportReadingsUseCase;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.port.in.changeset.ReadingChangesetsUseCase;
import io.metering.application.port.in.reading.ReadingOutcome;
import io.metering.application.port.in.reading.ReadingWithMeterResult;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.changeset.UpdateChangesetCommand;
import io.metering.application.port.in.UseCases;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.MeteringException;
import io.metering.domain.meter.MeterId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The write use cases, counted for {@link ProductMetrics}: readings stored and writes refused by
 * reason. Each decorator passes the call through unchanged; only the outcome is counted.
 */
public final class CountingUseCases {
    private CountingUseCases() {}

    /** @return the same use cases, the write paths counted */
    public static UseCases wrap(UseCases u, ProductMetrics metrics) {
        return new UseCases(
                command -> counted(metrics, () -> written(metrics, u.recordReadings().record(command))),
                u.listReadings(), u.viewMeters(), u.manageMeters(), u.manageCounters(),
                command -> counted(metrics, () -> written(metrics, u.updateReading().update(command))),
                u.deleteReading(),
                command -> counted(metrics, () -> {
                    var result = u.batchWrite().write(command);
                    metrics.written(result.items().stream().filter(i -> i.kind() == BatchItemResult.Kind.WRITTEN).count());
                    return result;
                }),
                u.prune(),
                command -> counted(metrics, () -> written(metrics, u.submissions().record(command))),
                command -> counted(metrics, () -> written(metrics, u.readingWithMeter().create(command))),
                u.allowedReadings(), changesets(u.changesets(), metrics), u.consumption(), u.queues());
    }

    /** Applying a changeset stores its reading. */
    private static ReadingChangesetsUseCase changesets(ReadingChangesetsUseCase changesets, ProductMetrics metrics) {
        return new ReadingChangesetsUseCase() {
            @Override
            public List<Changeset> pending(Caller caller, MeterId meterId, CounterId counterId) {
                return changesets.pending(caller, meterId, counterId);
            }

            @Override
            public Changeset update(UpdateChangesetCommand command) {
                return changesets.update(command);
            }

            @Override
            public AppliedChangeset apply(Caller caller, ChangesetAddress address) {
                AppliedChangeset applied = counted(metrics, () -> changesets.apply(caller, address));
                metrics.written(1);
                return applied;
            }

            @Override
            public DismissedChangeset dismiss(Caller caller, ChangesetAddress address, String reason) {
                return changesets.dismiss(caller, address, reason);
            }
        };
    }

    /** @return the import, counted: running imports, rows stored, refusals */
    public static ImportReadingsUseCase wrap(ImportReadingsUseCase importer, ProductMetrics metrics) {
        return (command, progress) -> {
            metrics.importStarted();
            try {
                ImportReport report = counted(metrics, () -> importer.importReadings(command, progress));
                metrics.imported(report.rows());
                return report;
            } finally {
                metrics.importEnded();
            }
        };
    }

    private static RecordResult written(ProductMetrics metrics, RecordResult result) {
        metrics.written(result.written().size());
        return result;
    }

    private static ReadingWithMeterResult written(ProductMetrics metrics, ReadingWithMeterResult result) {
        written(metrics, result.outcome());
        return result;
    }

    private static ReadingOutcome written(ProductMetrics metrics, ReadingOutcome outcome) {
        // a governed meter turns the reading into a pending changeset: nothing stored yet
        metrics.written(outcome.isPending() ? 0 : 1);
        return outcome;
    }

    private static <T> T counted(ProductMetrics metrics, Supplier<T> write) {
        try {
            return write.get();
        } catch (MeteringException e) {
            metrics.refused(e.reason().code());
            throw e;
        }
    }
}
