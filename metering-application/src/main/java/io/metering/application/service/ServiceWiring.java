package io.metering.application.service;

import io.metering.application.port.in.UseCases;
import io.metering.application.port.out.IntervalValueStore;
import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.service.batch.BatchWriteReadingsService;
import io.metering.application.service.changeset.ReadingChangesetService;
import io.metering.application.service.consumption.ConsumptionService;
import io.metering.application.service.counter.CounterAdministrationService;
import io.metering.application.service.counter.CounterLocatorService;
import io.metering.application.service.imports.ImportReadingsService;
import io.metering.application.service.imports.IntervalValuesService;
import io.metering.application.service.meter.ForecastProvider;
import io.metering.application.service.meter.MeterAdministrationService;
import io.metering.application.service.meter.MeterViewService;
import io.metering.application.service.queue.ReviewQueuesService;
import io.metering.application.service.reading.AllowedReadingService;
import io.metering.application.service.reading.CreateReadingWithMeterService;
import io.metering.application.service.reading.DeleteReadingService;
import io.metering.application.service.reading.ListReadingsService;
import io.metering.application.service.reading.PruneReadingsService;
import io.metering.application.service.reading.RecordReadingsService;
import io.metering.application.service.reading.UpdateReadingService;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.submission.SubmissionReadingsService;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.write.WriteListener;

/**
 * The one place the application's services are constructed from their ports: bootstrap's
 * {@code Wiring} (over PostgreSQL), the tests (over the in-memory fakes) and the benchmarks all
 * build through it, so a service's constructor is called once. Each service still takes just the
 * ports it uses; a reading-writing service takes the {@link ReadingWriter} it is given
 * (docs/architecture.md "Packages of the application").
 */
public final class ServiceWiring {
    private ServiceWiring() {}

    /** The one write path every reading write goes through, with its plausibility rule and change listener. */
    public static ReadingWriter writer(ServicePorts p, PlausibilityProvider plausibility, WriteListener changes) {
        return new ReadingWriter(p.counters(), p.readings(), p.changesets(), p.clock(), p.businessZone(), plausibility, changes);
    }

    /** What a caller may see, for the services that need nothing else of the meter and counter stores. */
    public static Reach reach(ServicePorts p) {
        return new Reach(p.meters(), p.counters());
    }

    public static RecordReadingsService recordReadings(ServicePorts p, ReadingWriter writer) {
        return new RecordReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(), p.businessZone(), writer);
    }

    public static ListReadingsService listReadings(ServicePorts p) {
        return new ListReadingsService(p.transactions(), reach(p), p.series(), p.changesets(), p.clock(), p.businessZone());
    }

    public static MeterViewService meterViews(ServicePorts p, ForecastProvider forecasts) {
        return new MeterViewService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(), p.clock(),
                p.businessZone(), forecasts);
    }

    public static MeterAdministrationService meterAdministration(ServicePorts p, WriteListener changes) {
        return new MeterAdministrationService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(), p.clock(),
                p.businessZone(), changes);
    }

    public static CounterAdministrationService counterAdministration(ServicePorts p, WriteListener changes) {
        return new CounterAdministrationService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(), changes);
    }

    public static UpdateReadingService updateReading(ServicePorts p, ReadingWriter writer) {
        return new UpdateReadingService(p.transactions(), reach(p), p.readings(), p.clock(), writer);
    }

    public static DeleteReadingService deleteReading(ServicePorts p, ReadingWriter writer) {
        return new DeleteReadingService(p.transactions(), reach(p), p.readings(), p.businessZone(), writer);
    }

    public static BatchWriteReadingsService batchWrite(ServicePorts p, ReadingWriter writer) {
        return new BatchWriteReadingsService(p.transactions(), p.meters(), p.counters(), p.readings(), p.series(), p.clock(),
                p.businessZone(), writer);
    }

    public static PruneReadingsService prune(ServicePorts p, ReadingWriter writer) {
        return new PruneReadingsService(p.transactions(), p.meters(), p.counters(), p.readings(), writer);
    }

    public static SubmissionReadingsService submissions(ServicePorts p, ReadingWriter writer) {
        return new SubmissionReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(), p.businessZone(),
                writer);
    }

    public static CreateReadingWithMeterService readingWithMeter(ServicePorts p, ReadingWriter writer) {
        return new CreateReadingWithMeterService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(),
                p.businessZone(), writer);
    }

    /** The allowed range, judged by the same plausibility rule as the write path. */
    public static AllowedReadingService allowedReadings(ServicePorts p, PlausibilityProvider plausibility) {
        return new AllowedReadingService(p.transactions(), p.meters(), p.counters(), p.series(), p.clock(), p.businessZone(),
                plausibility);
    }

    public static ReadingChangesetService changesets(ServicePorts p, ReadingWriter writer) {
        return new ReadingChangesetService(p.transactions(), reach(p), p.readings(), p.changesets(), p.clock(), writer);
    }

    public static ConsumptionService consumption(ServicePorts p, IntervalValueStore intervals) {
        return new ConsumptionService(p.transactions(), reach(p), p.series(), p.businessZone(), intervals);
    }

    public static ReviewQueuesService queues(ServicePorts p) {
        return new ReviewQueuesService(p.transactions(), p.series(), p.changesets());
    }

    /** A counter's interval values, for the load profile route. */
    public static IntervalValuesService intervalValues(ServicePorts p, IntervalValueStore intervals) {
        return new IntervalValuesService(p.transactions(), reach(p), intervals);
    }

    /** The bulk import of readings, through the given write path and bulk store. */
    public static ImportReadingsService importer(ServicePorts p, ReadingBulkStore bulk, ReadingWriter writer) {
        return new ImportReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(), p.clock(), bulk,
                writer);
    }

    /** Finds meters and counters by the keys users have, for imports. */
    public static CounterLocatorService counterLocator(ServicePorts p) {
        return new CounterLocatorService(p.transactions(), p.meters(), p.counters());
    }

    /**
     * Every use case the HTTP adapter drives, over one write path and one plausibility rule (the
     * writes' and the allowed range's) and one forecast rule for counter views.
     */
    public static UseCases useCases(ServicePorts p, PlausibilityProvider plausibility, ForecastProvider forecasts,
            IntervalValueStore intervals, WriteListener changes) {
        ReadingWriter writer = writer(p, plausibility, changes);
        return new UseCases(recordReadings(p, writer), listReadings(p), meterViews(p, forecasts), meterAdministration(p, changes),
                counterAdministration(p, changes), updateReading(p, writer), deleteReading(p, writer), batchWrite(p, writer),
                prune(p, writer), submissions(p, writer), readingWithMeter(p, writer), allowedReadings(p, plausibility),
                changesets(p, writer), consumption(p, intervals), queues(p));
    }
}
