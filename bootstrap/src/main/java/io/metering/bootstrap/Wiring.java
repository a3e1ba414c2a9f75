package io.metering.bootstrap;

import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.application.port.in.imports.ImportReadingsUseCase;
import io.metering.application.port.in.UseCases;
import io.metering.adapters.http.events.CloudEventJson;
import io.metering.adapters.http.events.EventDataJson;
import io.metering.adapters.http.outbound.HttpWebhookSender;
import io.metering.adapters.http.outbound.OutboundRules;
import io.metering.application.port.out.WebhookSender;
import io.metering.application.service.webhook.WebhookDelivery;
import io.metering.application.service.webhook.WebhookService;
import io.metering.bootstrap.config.WebhookConfiguration;
import java.nio.charset.StandardCharsets;
import io.metering.application.port.in.events.ChangeEventFeedQuery;
import io.metering.application.service.events.ChangeEventFeedService;
import io.metering.application.service.events.ChangeEventRecorder;
import io.metering.application.service.imports.ImportReadingsService;
import io.metering.application.service.write.WriteListener;
import io.metering.bootstrap.config.EventsConfiguration;
import io.metering.application.service.counter.CounterLocatorService;
import io.metering.application.port.in.counter.LocateCountersUseCase;
import io.metering.application.service.meter.HistoryForecastProvider;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import io.metering.application.service.write.PlausibilityProvider;
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
import io.metering.application.service.submission.SubmissionReadingsService;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.shared.Reach;
import io.metering.application.port.in.imports.ImportMeteredDataUseCase;
import io.metering.application.port.in.imports.IntervalValuesQuery;
import io.metering.application.service.imports.ImportJobService;
import io.metering.application.service.imports.ImportMeteredDataService;
import io.metering.application.service.imports.IntervalValuesService;
import io.metering.bootstrap.importer.UploadedFiles;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.time.ZoneId;

/** Manual wiring of the use cases over the persistence adapter (docs/architecture.md: no framework). */
final class Wiring {
    private Wiring() {}

    /** The plausibility rule of every write path and the allowed range: the API's and the import's are the same. */
    private static PlausibilityProvider plausibility(PostgresPersistence p) {
        return new HistoryPlausibilityProvider(p.series(), p.counters());
    }

    /** The one write path every reading write goes through, with the plausibility rule and the change listener. */
    private static ReadingWriter writer(PostgresPersistence p, Clock clock, ZoneId businessZone, WriteListener changes) {
        return new ReadingWriter(p.counters(), p.readings(), p.changesets(), clock, businessZone, plausibility(p), changes);
    }

    /**
     * What every write tells of its changes: the change event recorder (docs/events.md), or nothing
     * when recording is switched off ({@code METERING_EVENTS=off}).
     */
    static WriteListener changes(PostgresPersistence p, Clock clock, EventsConfiguration events) {
        return events.enabled() ? new ChangeEventRecorder(p.events(), new EventDataJson(), clock) : WriteListener.NONE;
    }

    /** The bulk import of readings (CLI {@code import}). */
    static ImportReadingsUseCase importer(PostgresPersistence p, Clock clock, ZoneId businessZone, WriteListener changes) {
        return new ImportReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(), clock, p.bulk(),
                writer(p, clock, businessZone, changes));
    }

    /** What a caller may see: the meters and counters it reaches (docs/domain.md#who-may-do-what). */
    private static Reach reach(PostgresPersistence p) {
        return new Reach(p.meters(), p.counters());
    }

    /** The pull feed of change events. */
    static ChangeEventFeedQuery eventFeed(PostgresPersistence p) {
        return new ChangeEventFeedService(p.transactions(), p.events());
    }

    /** Finds meters and counters by the keys users have, for imports. */
    static LocateCountersUseCase locator(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        return new CounterLocatorService(p.transactions(), p.meters(), p.counters());
    }

    /**
     * The imports over HTTP: uploaded files imported one at a time on a thread of their own, through
     * the same import use case and locator as the command line.
     */
    static ImportJobService importJobs(PostgresPersistence p, Clock clock, ZoneId businessZone, ImportReadingsUseCase importer,
            ImportMeteredDataUseCase metered, LocateCountersUseCase locator, ExecutorService executor) {
        return new ImportJobService(p.importJobs(), new UploadedFiles(businessZone), importer, metered, locator, executor, clock);
    }

    /** The import of market messages (MSCONS): interval values and register readings. */
    static ImportMeteredDataUseCase meteredImporter(PostgresPersistence p, Clock clock, ZoneId businessZone, ImportReadingsUseCase importer,
            LocateCountersUseCase locator) {
        return new ImportMeteredDataService(p.transactions(), p.counters(), p.intervals(), importer, locator);
    }

    /** A counter's interval values, for the load profile route. */
    static IntervalValuesQuery intervalValues(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        return new IntervalValuesService(p.transactions(), reach(p), p.intervals());
    }

    /**
     * The thread import jobs run on, one at a time in upload order; a daemon, so it never holds the
     * JVM. It gives back the heap large imports grew ({@link ImportThread}).
     */
    static ExecutorService importThread() {
        return ImportThread.ofRuntime();
    }

    static UseCases useCases(PostgresPersistence p, Clock clock, ZoneId businessZone, WriteListener changes) {
        // one write path and one plausibility rule for every write and the allowed range; one forecast rule for counter views
        ReadingWriter writer = writer(p, clock, businessZone, changes);
        ForecastProvider forecasts = new HistoryForecastProvider(p.series(), businessZone);
        // what a caller may see, for the services that need nothing else of the meter and counter stores
        Reach reach = reach(p);
        return new UseCases(
                new RecordReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), clock, businessZone, writer),
                new ListReadingsService(p.transactions(), reach, p.series(), p.changesets(), clock, businessZone),
                new MeterViewService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(), clock,
                        businessZone, forecasts),
                new MeterAdministrationService(p.transactions(), p.meters(), p.counters(), p.series(), p.changesets(),
                        clock, businessZone,
                        changes),
                new CounterAdministrationService(p.transactions(), p.meters(), p.counters(), p.series(), clock, changes),
                new UpdateReadingService(p.transactions(), reach, p.readings(), clock, writer),
                new DeleteReadingService(p.transactions(), reach, p.readings(), businessZone, writer),
                new BatchWriteReadingsService(p.transactions(), p.counters(), p.readings(), p.series(), clock,
                        businessZone,
                        writer),
                new PruneReadingsService(p.transactions(), p.meters(), p.counters(), p.readings(), writer),
                new SubmissionReadingsService(p.transactions(), p.meters(), p.counters(), p.series(), clock, businessZone,
                        writer),
                new CreateReadingWithMeterService(p.transactions(), p.meters(), p.counters(), p.series(), clock,
                        businessZone, writer),
                new AllowedReadingService(p.transactions(), p.meters(), p.counters(), p.series(), clock, businessZone,
                        plausibility(p)),
                new ReadingChangesetService(p.transactions(), reach, p.readings(), p.changesets(), clock, writer),
                new ConsumptionService(p.transactions(), reach, p.series(), businessZone, p.intervals()),
                new ReviewQueuesService(p.transactions(), p.series(), p.changesets()));
    }

    /** Sends signed webhook messages under the outbound rules. */
    static WebhookSender webhookSender(WebhookConfiguration config) {
        return new HttpWebhookSender(config.outbound());
    }

    /** The admin operations on webhook subscriptions. */
    static WebhookService webhooks(PostgresPersistence p, WebhookConfiguration config, WebhookSender sender, Clock clock) {
        return new WebhookService(p.webhooks(), new OutboundRules(config.outbound()), sender, p.events(), clock);
    }

    /** Delivery of change events to subscriptions; the body is the CloudEvent exactly as the feed serves it. */
    static WebhookDelivery webhookDelivery(PostgresPersistence p, WebhookConfiguration config, WebhookSender sender, Clock clock) {
        return new WebhookDelivery(p.webhooks(), p.events(), sender, e -> new String(CloudEventJson.render(e), StandardCharsets.UTF_8),
                config.retries(), config.lease(), config.requestBound(), clock);
    }
}
