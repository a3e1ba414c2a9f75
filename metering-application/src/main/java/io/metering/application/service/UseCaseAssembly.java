package io.metering.application.service;

import io.metering.application.port.in.UseCases;
import io.metering.application.port.out.IntervalValueStore;

/**
 * Wires every service behind the incoming ports, once: the server's wiring (bootstrap) and the
 * HTTP adapter's tests build the same graph, over their own stores and with their own rules.
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
        return new UseCases(
                new RecordReadingsService(ctx, plausibility),
                new ListReadingsService(ctx),
                new MeterViewService(ctx, forecasts),
                new MeterAdministrationService(ctx),
                new CounterAdministrationService(ctx),
                new UpdateReadingService(ctx, plausibility),
                new DeleteReadingService(ctx),
                new BatchWriteReadingsService(ctx, plausibility),
                new PruneReadingsService(ctx),
                new SubmissionReadingsService(ctx, plausibility),
                new CreateReadingWithMeterService(ctx, plausibility),
                new AllowedReadingService(ctx, plausibility),
                new ReadingChangesetService(ctx, plausibility),
                new ConsumptionService(ctx, intervals));
    }
}
