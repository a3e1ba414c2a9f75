package io.metering.application.service;

import io.metering.application.port.in.UseCases;
import io.metering.application.port.out.IntervalValueStore;
import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.service.batch.BatchWriteReadingsService;
import io.metering.application.service.consumption.ConsumptionService;
import io.metering.application.service.counter.CounterAdministrationService;
import io.metering.application.service.counter.CounterLocatorService;
import io.metering.application.service.imports.IntervalValuesService;
import io.metering.application.service.meter.MeterAdministrationService;
import io.metering.application.service.meter.MeterViewService;
import io.metering.application.service.queue.ReviewQueuesService;
import io.metering.application.service.reading.AllowedReadingService;
import io.metering.application.service.reading.ListReadingsService;
import io.metering.application.service.shared.Reach;
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
 * The services as tests build them over a {@link TestContext}, mirroring bootstrap's {@code Wiring}
 * (which alone builds the production graph, docs/architecture.md): the writing services each over
 * their own {@link ReadingWriter} with the plausibility rule a test chooses, and every use case
 * over one write path ({@link #useCases}).
 */
public final class TestServices {
    private TestServices() {}

    /** A write path over the ports that tells nobody of its changes. */
    public static ReadingWriter writer(TestContext ctx, PlausibilityProvider plausibility) {
        return writer(ctx, plausibility, WriteListener.NONE);
    }

    public static RecordReadingsService recordReadingsService(TestContext ctx, PlausibilityProvider plausibility) {
        return recordReadings(ctx, writer(ctx, plausibility));
    }

    public static UpdateReadingService updateReadingService(TestContext ctx, PlausibilityProvider plausibility) {
        return updateReading(ctx, writer(ctx, plausibility));
    }

    public static DeleteReadingService deleteReadingService(TestContext ctx) {
        return deleteReading(ctx, writer(ctx, PlausibilityProvider.NONE));
    }

    public static BatchWriteReadingsService batchWriteReadingsService(TestContext ctx, PlausibilityProvider plausibility) {
        return batchWrite(ctx, writer(ctx, plausibility));
    }

    public static PruneReadingsService pruneReadingsService(TestContext ctx) {
        return prune(ctx, writer(ctx, PlausibilityProvider.NONE));
    }

    public static SubmissionReadingsService submissionReadingsService(TestContext ctx, PlausibilityProvider plausibility) {
        return submissions(ctx, writer(ctx, plausibility));
    }

    public static CreateReadingWithMeterService createReadingWithMeterService(TestContext ctx, PlausibilityProvider plausibility) {
        return readingWithMeter(ctx, writer(ctx, plausibility));
    }

    public static ReadingChangesetService readingChangesetService(TestContext ctx, PlausibilityProvider plausibility) {
        return changesets(ctx, writer(ctx, plausibility));
    }

    public static ImportReadingsService importReadingsService(TestContext ctx, ReadingBulkStore bulk, PlausibilityProvider plausibility) {
        return importReadingsService(ctx, bulk, plausibility, WriteListener.NONE);
    }

    public static ImportReadingsService importReadingsService(TestContext ctx, ReadingBulkStore bulk, PlausibilityProvider plausibility,
            WriteListener changes) {
        return importer(ctx, bulk, writer(ctx, plausibility, changes));
    }

    /** Every use case over the ports, without interval values or change events. */
    public static UseCases useCases(TestContext ctx, PlausibilityProvider plausibility, ForecastProvider forecasts) {
        return useCases(ctx, plausibility, forecasts, IntervalValueStore.NONE, WriteListener.NONE);
    }

    // ------------------------------------------------------------------ each service over the context's ports,
    // as bootstrap's Wiring builds it over PostgreSQL

    /** The one write path every reading write goes through, with its plausibility rule and change listener. */
    public static ReadingWriter writer(TestContext p, PlausibilityProvider plausibility, WriteListener changes) {
        return new ReadingWriter(p.counters(), p.readings(), p.changesets(), p.clock(), p.businessZone(), plausibility, changes);
    }

    /** What a caller may see, for the services that need nothing else of the meter and counter stores. */
    public static Reach reach(TestContext p) {
        return new Reach(p.meters(), p.counters());
    }

    public static RecordReadingsService recordReadings(TestContext p, ReadingWriter writer) {
        return new RecordReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(), p.businessZone(), writer);
    }

    public static ListReadingsService listReadings(TestContext p) {
        return new ListReadingsService(p.transactions(), reach(p), p.series(), p.changesets(), p.clock(), p.businessZone());
    }

    public static MeterViewService meterViews(TestContext p, ForecastProvider forecasts) {
        return new MeterViewService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(), p.clock(),
                p.businessZone(), forecasts);
    }

    public static MeterAdministrationService meterAdministration(TestContext p, WriteListener changes) {
        return new MeterAdministrationService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(), p.clock(),
                p.businessZone(), changes);
    }

    public static CounterAdministrationService counterAdministration(TestContext p, WriteListener changes) {
        return new CounterAdministrationService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(), changes);
    }

    public static UpdateReadingService updateReading(TestContext p, ReadingWriter writer) {
        return new UpdateReadingService(p.transactions(), reach(p), p.readings(), p.clock(), writer);
    }

    public static DeleteReadingService deleteReading(TestContext p, ReadingWriter writer) {
        return new DeleteReadingService(p.transactions(), reach(p), p.readings(), p.businessZone(), writer);
    }

    public static BatchWriteReadingsService batchWrite(TestContext p, ReadingWriter writer) {
        return new BatchWriteReadingsService(p.transactions(), p.counters(), p.readings(), p.series(), p.clock(),
                p.businessZone(), writer);
    }

    public static PruneReadingsService prune(TestContext p, ReadingWriter writer) {
        return new PruneReadingsService(p.transactions(), p.meters(), p.counters(), p.readings(), writer);
    }

    public static SubmissionReadingsService submissions(TestContext p, ReadingWriter writer) {
        return new SubmissionReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(), p.businessZone(),
                writer);
    }

    public static CreateReadingWithMeterService readingWithMeter(TestContext p, ReadingWriter writer) {
        return new CreateReadingWithMeterService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(),
                p.businessZone(), writer);
    }

    /** The allowed range, judged by the same plausibility rule as the write path. */
    public static AllowedReadingService allowedReadings(TestContext p, PlausibilityProvider plausibility) {
        return new AllowedReadingService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(), p.businessZone(),
                plausibility);
    }

    public static ReadingChangesetService changesets(TestContext p, ReadingWriter writer) {
        return new ReadingChangesetService(p.transactions(), reach(p), p.readings(), p.changesets(), p.clock(), writer);
    }

    public static ConsumptionService consumption(TestContext p, IntervalValueStore intervals) {
        return new ConsumptionService(p.transactions(), reach(p), p.series(), p.businessZone(), intervals);
    }

    public static ReviewQueuesService queues(TestContext p) {
        return new ReviewQueuesService(p.transactions(), p.series(), p.changesets());
    }

    /** A counter's interval values, for the load profile route. */
    public static IntervalValuesService intervalValues(TestContext p, IntervalValueStore intervals) {
        return new IntervalValuesService(p.transactions(), reach(p), intervals);
    }

    /** The bulk import of readings, through the given write path and bulk store. */
    public static ImportReadingsService importer(TestContext p, ReadingBulkStore bulk, ReadingWriter writer) {
        return new ImportReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(), p.clock(), bulk,
                writer);
    }

    /** Finds meters and counters by the keys users have, for imports. */
    public static CounterLocatorService counterLocator(TestContext p) {
        return new CounterLocatorService(p.transactions(), p.meters(), p.counters());
    }

    /**
     * Every use case the HTTP adapter drives, over one write path and one plausibility rule (the
     * writes' and the allowed range's) and one forecast rule for counter views.
     */
    public static UseCases useCases(TestContext p, PlausibilityProvider plausibility, ForecastProvider forecasts,
            IntervalValueStore intervals, WriteListener changes) {
        ReadingWriter writer = writer(p, plausibility, changes);
        return new UseCases(recordReadings(p, writer), listReadings(p), meterViews(p, forecasts), meterAdministration(p, changes),
                counterAdministration(p, changes), updateReading(p, writer), deleteReading(p, writer), batchWrite(p, writer),
                prune(p, writer), submissions(p, writer), readingWithMeter(p, writer), allowedReadings(p, plausibility),
                changesets(p, writer), consumption(p, intervals), queues(p));
    }
}
