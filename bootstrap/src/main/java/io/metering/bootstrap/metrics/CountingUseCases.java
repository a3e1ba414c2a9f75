package io.metering.bootstrap.metrics;

import io.metering.application.port.in.BatchItemResult;
import io.metering.application.port.in.ImportReadingsUseCase;
import io.metering.application.port.in.ImportReport;
import io.metering.application.port.in.ReadingWithMeterResult;
import io.metering.application.port.in.RecordResult;
import io.metering.application.port.in.UseCases;
import io.metering.domain.error.MeteringException;
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
                u.listReadings(), u.viewMeters(), u.manageMeters(), u.manageCounters(), u.updateReading(), u.deleteReading(),
                command -> counted(metrics, () -> {
                    var result = u.batchWrite().write(command);
                    metrics.written(result.items().stream().filter(i -> i.kind() == BatchItemResult.Kind.WRITTEN).count());
                    return result;
                }),
                u.prune(),
                command -> counted(metrics, () -> written(metrics, u.submissions().record(command))),
                command -> counted(metrics, () -> written(metrics, u.readingWithMeter().create(command))),
                u.allowedReadings(), u.changesets(), u.consumption());
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
        // a governed meter turns the reading into a pending changeset: nothing stored yet
        metrics.written(result.outcome().written() != null ? 1 : 0);
        return result;
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
