package io.metering.bootstrap;

import io.metering.adapters.http.UseCases;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.application.port.in.ImportReadingsUseCase;
import io.metering.application.service.CounterAdministrationService;
import io.metering.application.service.ImportReadingsService;
import io.metering.application.service.ForecastProvider;
import io.metering.application.service.ListReadingsService;
import io.metering.application.service.MeterAdministrationService;
import io.metering.application.service.MeterViewService;
import io.metering.application.service.PlausibilityProvider;
import io.metering.application.service.RecordReadingsService;
import io.metering.application.service.ServiceContext;
import java.time.Clock;
import java.time.ZoneId;

/** Manual wiring of the use cases over the persistence adapter (ARCHITECTURE.md: no framework). */
final class Wiring {
    private Wiring() {}

    /** The plausibility rule every write uses: the API's and the import's must be the same. */
    private static final PlausibilityProvider PLAUSIBILITY = PlausibilityProvider.NONE;

    private static ServiceContext context(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        return new ServiceContext(p.transactions(), p.meters(), p.counters(), p.readings(), p.series(), p.changesets(), clock,
                businessZone);
    }

    /** The bulk import of readings (CLI {@code import}). */
    static ImportReadingsUseCase importer(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        return new ImportReadingsService(context(p, clock, businessZone), p.bulk(), PLAUSIBILITY);
    }

    static UseCases useCases(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        ServiceContext ctx = context(p, clock, businessZone);
        return new UseCases(new RecordReadingsService(ctx, PLAUSIBILITY), new ListReadingsService(ctx),
                new MeterViewService(ctx, ForecastProvider.NONE), new MeterAdministrationService(ctx),
                new CounterAdministrationService(ctx));
    }
}
