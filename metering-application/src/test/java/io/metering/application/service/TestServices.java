package io.metering.application.service;

import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.service.consumption.ConsumptionService;
import io.metering.application.service.counter.CounterAdministrationService;
import io.metering.application.service.meter.ForecastProvider;
import io.metering.application.service.meter.MeterAdministrationService;
import io.metering.application.service.meter.MeterViewService;
import io.metering.application.service.queue.ReviewQueuesService;
import io.metering.application.service.reading.AllowedReadingService;
import io.metering.application.service.reading.ListReadingsService;
import io.metering.application.port.in.UseCases;
import io.metering.application.port.out.IntervalValueStore;
import io.metering.application.service.batch.BatchWriteReadingsService;
import io.metering.application.service.changeset.ReadingChangesetService;
import io.metering.application.service.imports.ImportReadingsService;
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
 * plausibility rule, its ports taken from one test context.
 */
public final class TestServices {
    private TestServices() {}

    /** A write path over the context's ports that tells nobody of its changes. */
    public static ReadingWriter writer(TestContext ctx, PlausibilityProvider plausibility) {
        return writer(ctx, plausibility, WriteListener.NONE);
    }

    public static ReadingWriter writer(TestContext ctx, PlausibilityProvider plausibility, WriteListener changes) {
        return new ReadingWriter(ctx.counters(), ctx.readings(), ctx.changesets(), ctx.clock(), ctx.businessZone(), plausibility, changes);
    }

    public static RecordReadingsService recordReadingsService(TestContext ctx, PlausibilityProvider plausibility) {
        return new RecordReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.clock(), ctx.businessZone(),
                writer(ctx, plausibility));
    }

    public static UpdateReadingService updateReadingService(TestContext ctx, PlausibilityProvider plausibility) {
        return new UpdateReadingService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), ctx.clock(),
                writer(ctx, plausibility));
    }

    public static DeleteReadingService deleteReadingService(TestContext ctx) {
        return new DeleteReadingService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), ctx.businessZone(),
                writer(ctx, PlausibilityProvider.NONE));
    }

    public static BatchWriteReadingsService batchWriteReadingsService(TestContext ctx, PlausibilityProvider plausibility) {
        return new BatchWriteReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), ctx.series(), ctx.clock(),
                ctx.businessZone(), writer(ctx, plausibility));
    }

    public static PruneReadingsService pruneReadingsService(TestContext ctx) {
        return new PruneReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(),
                writer(ctx, PlausibilityProvider.NONE));
    }

    public static SubmissionReadingsService submissionReadingsService(TestContext ctx, PlausibilityProvider plausibility) {
        return new SubmissionReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.clock(),
                ctx.businessZone(), writer(ctx, plausibility));
    }

    public static CreateReadingWithMeterService createReadingWithMeterService(TestContext ctx, PlausibilityProvider plausibility) {
        return new CreateReadingWithMeterService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.clock(),
                ctx.businessZone(), writer(ctx, plausibility));
    }

    public static ReadingChangesetService readingChangesetService(TestContext ctx, PlausibilityProvider plausibility) {
        return new ReadingChangesetService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), ctx.changesets(), ctx.clock(),
                writer(ctx, plausibility));
    }

    public static ImportReadingsService importReadingsService(TestContext ctx, ReadingBulkStore bulk, PlausibilityProvider plausibility) {
        return importReadingsService(ctx, bulk, plausibility, WriteListener.NONE);
    }

    public static ImportReadingsService importReadingsService(TestContext ctx, ReadingBulkStore bulk, PlausibilityProvider plausibility,
            WriteListener changes) {
        return new ImportReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.changesets(), ctx.clock(), bulk,
                writer(ctx, plausibility, changes));
    }
    /** Every use case over the context's ports, wired as the server wires them (bootstrap's {@code Wiring}). */
    public static UseCases useCases(TestContext ctx, PlausibilityProvider plausibility, ForecastProvider forecasts) {
        return useCases(ctx, plausibility, forecasts, IntervalValueStore.NONE, WriteListener.NONE);
    }

    /** Every use case over the context's ports, wired as the server wires them (bootstrap's {@code Wiring}). */
    public static UseCases useCases(TestContext ctx, PlausibilityProvider plausibility, ForecastProvider forecasts,
            IntervalValueStore intervals, WriteListener changes) {
        ReadingWriter writer = new ReadingWriter(ctx.counters(), ctx.readings(), ctx.changesets(), ctx.clock(), ctx.businessZone(), plausibility, changes);
        return new UseCases(
                new RecordReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.clock(), ctx.businessZone(), writer),
                new ListReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.changesets(), ctx.clock(), ctx.businessZone()),
                new MeterViewService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.changesets(), ctx.clock(), ctx.businessZone(), forecasts),
                new MeterAdministrationService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.changesets(), ctx.clock(), ctx.businessZone(), changes),
                new CounterAdministrationService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.clock(), changes),
                new UpdateReadingService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), ctx.clock(), writer),
                new DeleteReadingService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), ctx.businessZone(), writer),
                new BatchWriteReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), ctx.series(), ctx.clock(), ctx.businessZone(), writer),
                new PruneReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), writer),
                new SubmissionReadingsService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.clock(), ctx.businessZone(), writer),
                new CreateReadingWithMeterService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.clock(), ctx.businessZone(), writer),
                new AllowedReadingService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.clock(), ctx.businessZone(), plausibility),
                new ReadingChangesetService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.readings(), ctx.changesets(), ctx.clock(), writer),
                new ConsumptionService(ctx.transactions(), ctx.meters(), ctx.counters(), ctx.series(), ctx.businessZone(), intervals),
                new ReviewQueuesService(ctx.transactions(), ctx.series(), ctx.changesets()));
    }
}
