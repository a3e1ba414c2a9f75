package io.metering.application.service;

import io.metering.application.port.in.UseCases;
import io.metering.application.port.out.IntervalValueStore;
import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.service.batch.BatchWriteReadingsService;
import io.metering.application.service.changeset.ReadingChangesetService;
import io.metering.application.service.imports.ImportReadingsService;
import io.metering.application.service.meter.ForecastProvider;
import io.metering.application.service.reading.CreateReadingWithMeterService;
import io.metering.application.service.reading.DeleteReadingService;
import io.metering.application.service.reading.PruneReadingsService;
import io.metering.application.service.reading.RecordReadingsService;
import io.metering.application.service.reading.UpdateReadingService;
import io.metering.application.service.submission.SubmissionReadingsService;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.write.WriteListener;

/**
 * The writing services as tests build them: each over its own {@link ReadingWriter} with the given
 * plausibility rule, built through {@link ServiceWiring} like the server's.
 */
public final class TestServices {
    private TestServices() {}

    /** A write path over the ports that tells nobody of its changes. */
    public static ReadingWriter writer(ServicePorts ctx, PlausibilityProvider plausibility) {
        return ServiceWiring.writer(ctx, plausibility, WriteListener.NONE);
    }

    public static RecordReadingsService recordReadingsService(ServicePorts ctx, PlausibilityProvider plausibility) {
        return ServiceWiring.recordReadings(ctx, writer(ctx, plausibility));
    }

    public static UpdateReadingService updateReadingService(ServicePorts ctx, PlausibilityProvider plausibility) {
        return ServiceWiring.updateReading(ctx, writer(ctx, plausibility));
    }

    public static DeleteReadingService deleteReadingService(ServicePorts ctx) {
        return ServiceWiring.deleteReading(ctx, writer(ctx, PlausibilityProvider.NONE));
    }

    public static BatchWriteReadingsService batchWriteReadingsService(ServicePorts ctx, PlausibilityProvider plausibility) {
        return ServiceWiring.batchWrite(ctx, writer(ctx, plausibility));
    }

    public static PruneReadingsService pruneReadingsService(ServicePorts ctx) {
        return ServiceWiring.prune(ctx, writer(ctx, PlausibilityProvider.NONE));
    }

    public static SubmissionReadingsService submissionReadingsService(ServicePorts ctx, PlausibilityProvider plausibility) {
        return ServiceWiring.submissions(ctx, writer(ctx, plausibility));
    }

    public static CreateReadingWithMeterService createReadingWithMeterService(ServicePorts ctx, PlausibilityProvider plausibility) {
        return ServiceWiring.readingWithMeter(ctx, writer(ctx, plausibility));
    }

    public static ReadingChangesetService readingChangesetService(ServicePorts ctx, PlausibilityProvider plausibility) {
        return ServiceWiring.changesets(ctx, writer(ctx, plausibility));
    }

    public static ImportReadingsService importReadingsService(ServicePorts ctx, ReadingBulkStore bulk, PlausibilityProvider plausibility) {
        return importReadingsService(ctx, bulk, plausibility, WriteListener.NONE);
    }

    public static ImportReadingsService importReadingsService(ServicePorts ctx, ReadingBulkStore bulk, PlausibilityProvider plausibility,
            WriteListener changes) {
        return ServiceWiring.importer(ctx, bulk, ServiceWiring.writer(ctx, plausibility, changes));
    }

    /** Every use case over the ports, without interval values or change events. */
    public static UseCases useCases(ServicePorts ctx, PlausibilityProvider plausibility, ForecastProvider forecasts) {
        return ServiceWiring.useCases(ctx, plausibility, forecasts, IntervalValueStore.NONE, WriteListener.NONE);
    }
}
