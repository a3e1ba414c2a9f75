package io.metering.bootstrap;

import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.application.port.in.imports.ImportReadingsUseCase;
import io.metering.application.port.in.UseCases;
import io.metering.application.service.ServicePorts;
import io.metering.application.service.ServiceWiring;
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
import io.metering.application.service.write.WriteListener;
import io.metering.bootstrap.config.EventsConfiguration;
import io.metering.application.port.in.counter.LocateCountersUseCase;
import io.metering.application.service.meter.HistoryForecastProvider;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.port.in.imports.ImportMeteredDataUseCase;
import io.metering.application.port.in.imports.IntervalValuesQuery;
import io.metering.application.service.imports.ImportJobService;
import io.metering.application.service.imports.ImportMeteredDataService;
import io.metering.bootstrap.importer.UploadedFiles;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.ZoneId;

/** Manual wiring of the use cases over the persistence adapter (docs/architecture.md: no framework). */
final class Wiring {
    private Wiring() {}

    /** The plausibility rule of every write path and the allowed range: the API's and the import's are the same. */
    private static PlausibilityProvider plausibility(PostgresPersistence p) {
        return new HistoryPlausibilityProvider(p.series(), p.counters());
    }

    /** The ports the services are built from. */
    static ServicePorts ports(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        return new ServicePorts(p.transactions(), p.meters(), p.counters(), p.readings(), p.series(), p.changesets(), clock, businessZone);
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
        ServicePorts ports = ports(p, clock, businessZone);
        return ServiceWiring.importer(ports, p.bulk(), ServiceWiring.writer(ports, plausibility(p), changes));
    }

    /** The pull feed of change events. */
    static ChangeEventFeedQuery eventFeed(PostgresPersistence p) {
        return new ChangeEventFeedService(p.transactions(), p.events());
    }

    /** Finds meters and counters by the keys users have, for imports. */
    static LocateCountersUseCase locator(PostgresPersistence p, Clock clock, ZoneId businessZone) {
        return ServiceWiring.counterLocator(ports(p, clock, businessZone));
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
        return ServiceWiring.intervalValues(ports(p, clock, businessZone), p.intervals());
    }

    /** The thread import jobs run on, one at a time in upload order; a daemon, so it never holds the JVM. */
    static ExecutorService importThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Every use case the HTTP adapter drives, over PostgreSQL (built by the application's {@code ServiceWiring}). */
    static UseCases useCases(PostgresPersistence p, Clock clock, ZoneId businessZone, WriteListener changes) {
        return ServiceWiring.useCases(ports(p, clock, businessZone), plausibility(p), new HistoryForecastProvider(p.series(), businessZone),
                p.intervals(), changes);
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
