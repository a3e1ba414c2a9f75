package io.metering.application.port.in;

import io.metering.application.port.in.batch.BatchWriteReadingsUseCase;
import io.metering.application.port.in.changeset.ReadingChangesetsUseCase;
import io.metering.application.port.in.consumption.ConsumptionQuery;
import io.metering.application.port.in.counter.ManageCountersUseCase;
import io.metering.application.port.in.meter.ManageMetersUseCase;
import io.metering.application.port.in.meter.ViewMetersQuery;
import io.metering.application.port.in.queue.ReviewQueuesQuery;
import io.metering.application.port.in.reading.AllowedReadingQuery;
import io.metering.application.port.in.reading.CreateReadingWithMeterUseCase;
import io.metering.application.port.in.reading.DeleteReadingUseCase;
import io.metering.application.port.in.reading.ListReadingsQuery;
import io.metering.application.port.in.reading.PruneReadingsUseCase;
import io.metering.application.port.in.reading.RecordReadingsUseCase;
import io.metering.application.port.in.reading.UpdateReadingUseCase;
import io.metering.application.port.in.submission.SubmissionReadingsUseCase;
import java.util.Objects;

/**
 * The incoming ports the HTTP adapter drives, named by the contract operations that use them;
 * bootstrap's {@code Wiring} wires the services behind them.
 *
 * @param recordReadings createMeterReading, createMeterReadings, createPortalMeterReadings
 * @param listReadings getReadingsByInterval
 * @param viewMeters getCustomerMeters, getMetersByContractId, getMeter, getMeterCounters,
 *     getCounterDetails
 * @param manageMeters updateMeter and the admin meter endpoints
 * @param manageCounters the admin counter endpoints
 * @param updateReading updateMeterReading
 * @param deleteReading deleteMeterReading
 * @param batchWrite batchWriteMeterReadings
 * @param prune pruneMeterReadings
 * @param submissions createMeterReadingFromSubmission
 * @param readingWithMeter createReadingWithMeter
 * @param allowedReadings getAllowedReadingForMeter
 * @param changesets getReadingChangesets, updateReadingChangeset, applyReadingChangeset,
 *     dismissReadingChangeset
 * @param consumption this product's consumption by period
 * @param queues this product's review queues: listPendingChangesets, listImplausibleReadings
 */
public record UseCases(
        RecordReadingsUseCase recordReadings,
        ListReadingsQuery listReadings,
        ViewMetersQuery viewMeters,
        ManageMetersUseCase manageMeters,
        ManageCountersUseCase manageCounters,
        UpdateReadingUseCase updateReading,
        DeleteReadingUseCase deleteReading,
        BatchWriteReadingsUseCase batchWrite,
        PruneReadingsUseCase prune,
        SubmissionReadingsUseCase submissions,
        CreateReadingWithMeterUseCase readingWithMeter,
        AllowedReadingQuery allowedReadings,
        ReadingChangesetsUseCase changesets,
        ConsumptionQuery consumption,
        ReviewQueuesQuery queues) {
    /** @throws NullPointerException if a use case is missing */
    public UseCases {
        Objects.requireNonNull(recordReadings, "recordReadings");
        Objects.requireNonNull(listReadings, "listReadings");
        Objects.requireNonNull(viewMeters, "viewMeters");
        Objects.requireNonNull(manageMeters, "manageMeters");
        Objects.requireNonNull(manageCounters, "manageCounters");
        Objects.requireNonNull(updateReading, "updateReading");
        Objects.requireNonNull(deleteReading, "deleteReading");
        Objects.requireNonNull(batchWrite, "batchWrite");
        Objects.requireNonNull(prune, "prune");
        Objects.requireNonNull(submissions, "submissions");
        Objects.requireNonNull(readingWithMeter, "readingWithMeter");
        Objects.requireNonNull(allowedReadings, "allowedReadings");
        Objects.requireNonNull(changesets, "changesets");
        Objects.requireNonNull(consumption, "consumption");
        Objects.requireNonNull(queues, "queues");
    }

}
