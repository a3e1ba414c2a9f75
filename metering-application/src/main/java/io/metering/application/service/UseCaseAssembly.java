package io.metering.application.service;

import io.metering.application.service.batch.BatchWriteReadingsService;
import io.metering.application.service.changeset.ReadingChangesetService;
import io.metering.application.service.consumption.ConsumptionService;
import io.metering.application.service.counter.CounterAdministrationService;
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
import io.metering.application.service.shared.ServiceContext;
import io.metering.application.service.submission.SubmissionReadingsService;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.write.WriteListener;
import io.metering.application.port.in.UseCases;
import io.metering.application.port.out.IntervalValueStore;

/**
 * Wires every service behind the incoming ports, once: the server's wiring (bootstrap) and the
 * HTTP adapter's tests build the same graph, over their own stores and with their own rules. Every
 * writing service shares one {@link ReadingWriter}, so the write path and its {@link WriteListener}
 * are chosen here.
 */
public final class UseCaseAssembly {
    private UseCaseAssembly() {}

    /**
     * @param ctx the outgoing ports, clock and business zone every service shares
     * @param plausibility the plausibility rule of every write path and of the allowed range
     * @param forecasts the forecast rule of counter views
     * @return the use cases over {@code ctx}
     */
    public static UseCases useCases(ServiceContext ctx, PlausibilityProvider plausibility, ForecastProvider forecasts) {
        return useCases(ctx, plausibility, forecasts, IntervalValueStore.NONE);
    }

    /**
     * @param ctx the outgoing ports, clock and business zone every service shares
     * @param plausibility the plausibility rule of every write path and of the allowed range
     * @param forecasts the forecast rule of counter views
     * @param intervals the interval values (load profiles) the consumption counts
     * @return the use cases over {@code ctx}
     */
    public static UseCases useCases(ServiceContext ctx, PlausibilityProvider plausibility, ForecastProvider forecasts,
            IntervalValueStore intervals) {
        return useCases(ctx, plausibility, forecasts, intervals, WriteListener.NONE);
    }

    /**
     * @param ctx the outgoing ports, clock and business zone every service shares
     * @param plausibility the plausibility rule of every write path and of the allowed range
     * @param forecasts the forecast rule of counter views
     * @param intervals the interval values (load profiles) the consumption counts
     * @param changes told of every change a reading write makes, in its transaction
     * @return the use cases over {@code ctx}
     */
    public static UseCases useCases(ServiceContext ctx, PlausibilityProvider plausibility, ForecastProvider forecasts,
            IntervalValueStore intervals, WriteListener changes) {
        ReadingWriter writer = new ReadingWriter(ctx, plausibility, changes);
        return new UseCases(
                new RecordReadingsService(ctx, writer),
                new ListReadingsService(ctx),
                new MeterViewService(ctx, forecasts),
                new MeterAdministrationService(ctx, changes),
                new CounterAdministrationService(ctx, changes),
                new UpdateReadingService(ctx, writer),
                new DeleteReadingService(ctx, writer),
                new BatchWriteReadingsService(ctx, writer),
                new PruneReadingsService(ctx, writer),
                new SubmissionReadingsService(ctx, writer),
                new CreateReadingWithMeterService(ctx, writer),
                new AllowedReadingService(ctx, plausibility),
                new ReadingChangesetService(ctx, writer),
                new ConsumptionService(ctx, intervals),
                new ReviewQueuesService(ctx));
    }
}
