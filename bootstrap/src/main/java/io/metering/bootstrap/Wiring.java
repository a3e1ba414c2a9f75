package io.metering.bootstrap;

import io.metering.adapters.http.UseCases;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.application.port.in.ImportReadingsUseCase;
import io.metering.application.service.AllowedReadingService;
import io.metering.application.service.BatchWriteReadingsService;
import io.metering.application.service.ConsumptionService;
import io.metering.application.service.CounterAdministrationService;
import io.metering.application.service.CreateReadingWithMeterService;
import io.metering.application.service.DeleteReadingService;
import io.metering.application.service.ImportReadingsService;
import io.metering.application.service.ForecastProvider;
import io.metering.application.service.HistoryForecastProvider;
import io.metering.application.service.HistoryPlausibilityProvider;
import io.metering.application.service.ListReadingsService;
import io.metering.application.service.MeterAdministrationService;
import io.metering.application.service.MeterViewService;
import io.metering.application.service.PlausibilityProvider;
import io.metering.application.service.PruneReadingsService;
import io.metering.application.service.ReadingChangesetService;
import io.metering.application.service.RecordReadingsService;
import io.metering.application.service.ServiceContext;
import io.metering.application.service.SubmissionReadingsService;
import io.metering.application.service.UpdateReadingService;
import java.time.Clock;
import java.time.ZoneId;

/** Manual wiring of the use cases over the persistence adapter (ARCHITECTURE.md: no framework). */
final class Wiring {
    private Wiring() {}

    private static ServiceContext context(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        return new ServiceContext(p.transactions(), p.meters(), p.counters(), p.readings(), p.series(), p.changesets(), clock,
                businessZone);
    }

    /** The plausibility rule of every write path and the allowed range: the API's and the import's are the same. */
    private static PlausibilityProvider plausibility(ServiceContext ctx) {
        return new HistoryPlausibilityProvider(ctx.series());
    }

    /** The bulk import of readings (CLI {@code import}). */
    static ImportReadingsUseCase importer(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        ServiceContext ctx = context(p, clock, businessZone);
        return new ImportReadingsService(ctx, p.bulk(), plausibility(ctx));
    }

    static UseCases useCases(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        ServiceContext ctx = context(p, clock, businessZone);
        // one plausibility rule for every write path and the allowed range; one forecast rule for counter views
        PlausibilityProvider plausibility = plausibility(ctx);
        ForecastProvider forecasts = new HistoryForecastProvider(ctx.series(), businessZone);
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
                new ConsumptionService(ctx));
    }
}
