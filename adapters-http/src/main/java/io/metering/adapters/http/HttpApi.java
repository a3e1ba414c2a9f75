package io.metering.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.json.JavalinJackson;
import io.metering.adapters.http.auth.Authenticator;
import io.metering.adapters.http.batch.BatchRoutes;
import io.metering.adapters.http.changeset.ChangesetRoutes;
import io.metering.adapters.http.queue.QueueRoutes;
import io.metering.adapters.http.consumption.ConsumptionRoutes;
import io.metering.adapters.http.counter.AdminCounterRoutes;
import io.metering.adapters.http.counter.CounterRoutes;
import io.metering.adapters.http.docs.ApiDocsRoutes;
import io.metering.adapters.http.error.ErrorMapping;
import io.metering.adapters.http.error.HttpFailure;
import io.metering.adapters.http.json.JsonMapping;
import io.metering.adapters.http.events.EventFeedRoutes;
import io.metering.adapters.http.imports.ImportRoutes;
import io.metering.adapters.http.imports.IntervalValueRoutes;
import io.metering.adapters.http.meter.AdminMeterRoutes;
import io.metering.adapters.http.meter.MeterRoutes;
import io.metering.adapters.http.observe.HttpMetrics;
import io.metering.adapters.http.observe.HttpObservability;
import io.metering.adapters.http.observe.MetricsRoute;
import io.metering.adapters.http.observe.RequestLogContext;
import io.metering.adapters.http.reading.AllowedRangeRoutes;
import io.metering.adapters.http.reading.ReadingEditRoutes;
import io.metering.adapters.http.reading.ReadingRoutes;
import io.metering.adapters.http.submission.SubmissionRoutes;
import io.metering.adapters.http.system.GracefulStop;
import io.metering.adapters.http.system.HealthRoutes;
import io.metering.adapters.http.web.AcceptedTypes;
import io.metering.adapters.http.web.BodyCharset;
import io.metering.adapters.http.web.BodyEncoding;
import io.metering.adapters.http.web.CorrelationIds;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.webhook.WebhookRoutes;
import io.metering.application.port.in.imports.ImportUseCases;
import io.metering.application.port.in.UseCases;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP adapter: all 21 operations of epilot's Metering API 1.2.0, this product's admin
 * extension, health probes and the API docs, on Javalin.
 *
 * <p>Routes (the OpenAPI document at {@code GET /openapi.json} describes each):
 * <ul>
 *   <li>meters and counters: getCustomerMeters, getMetersByContractId, getMeter, updateMeter,
 *       getMeterCounters, getCounterDetails ({@link MeterRoutes}, {@link CounterRoutes});</li>
 *   <li>readings v1: createMeterReading, createMeterReadings, createPortalMeterReadings,
 *       getReadingsByInterval ({@link ReadingRoutes}), updateMeterReading, deleteMeterReading
 *       ({@link ReadingEditRoutes});</li>
 *   <li>readings v2: batchWriteMeterReadings, pruneMeterReadings ({@link BatchRoutes});</li>
 *   <li>createMeterReadingFromSubmission, createReadingWithMeter ({@link SubmissionRoutes});</li>
 *   <li>getAllowedReadingForMeter ({@link AllowedRangeRoutes});</li>
 *   <li>getReadingChangesets, updateReadingChangeset, applyReadingChangeset,
 *       dismissReadingChangeset ({@link ChangesetRoutes});</li>
 *   <li>admin extension: {@code /v1/metering/admin/meters[/{id}[/counters]]},
 *       {@code /v1/metering/admin/counters/{id}};</li>
 *   <li>review queues: listPendingChangesets, listImplausibleReadings ({@link QueueRoutes});</li>
 *   <li>analytics: {@code /v1/metering/consumption/{meter_id}/{counter_id}};</li>
 *   <li>the change event feed: {@code /v1/metering/events} ({@link EventFeedRoutes});</li>
 *   <li>imports over HTTP: {@code /v1/metering/admin/imports[/{id}[/refusals]]} ({@link ImportRoutes});
 *       interval values (load profiles): {@code /v1/metering/interval-values/{meter_id}/{counter_id}}
 *       ({@link IntervalValueRoutes});</li>
 *   <li>webhook subscriptions: {@code /v1/metering/webhooks[/{id}[/rotate-secret|/test|/replay|/attempts]]}
 *       ({@link WebhookRoutes});</li>
 *   <li>{@code /health}, {@code /ready}, {@code /openapi.json}, {@code /docs}.</li>
 * </ul>
 * Errors follow {@link ErrorMapping}. Request lines are logged with method, path, status, duration
 * and correlation id; never headers, bodies or query strings, so tokens never reach the log.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /** The API routes that answer CSV as well as JSON (for the {@code Accept} check, {@link AcceptedTypes}). */
    static final Set<String> CSV_ROUTES = Set.of(ReadingRoutes.SERIES, ConsumptionRoutes.CONSUMPTION);

    private HttpApi() {}

    /**
     * The app with a process that counts as always live ({@link LivenessCheck#ALWAYS_LIVE}).
     *
     * @param settings business zone and body size limit
     * @param authenticator verifies bearer tokens
     * @param useCases the application's incoming ports
     * @param health the readiness check of {@code GET /ready}
     * @return the configured app, not started (call {@code start(port)})
     */
    public static Javalin create(HttpSettings settings, Authenticator authenticator, UseCases useCases, HealthCheck health) {
        return create(settings, authenticator, useCases, health, LivenessCheck.ALWAYS_LIVE);
    }

    /**
     * @param settings business zone and body size limit
     * @param authenticator verifies bearer tokens
     * @param useCases the application's incoming ports
     * @param health the readiness check of {@code GET /ready}
     * @param liveness the liveness check of {@code GET /health}
     * @return the configured app, not started (call {@code start(port)})
     */
    public static Javalin create(HttpSettings settings, Authenticator authenticator, UseCases useCases, HealthCheck health,
            LivenessCheck liveness) {
        return create(settings, authenticator, useCases, health, liveness, HttpAddOns.none());
    }

    /**
     * @param settings business zone and body size limit
     * @param authenticator verifies bearer tokens
     * @param useCases the application's incoming ports
     * @param health the readiness check of {@code GET /ready}
     * @param liveness the liveness check of {@code GET /health}
     * @param addOns request metrics, imports over HTTP and further pages
     * @return the configured app, not started (call {@code start(port)})
     */
    public static Javalin create(HttpSettings settings, Authenticator authenticator, UseCases useCases, HealthCheck health,
            LivenessCheck liveness, HttpAddOns addOns) {
        Objects.requireNonNull(addOns, "addOns");
        HttpObservability observability = addOns.observability();
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(liveness, "liveness");
        ObjectMapper mapper = JsonMapping.create();
        Guard guard = new Guard(authenticator);
        JsonBody body = new JsonBody(mapper);
        ApiDocsRoutes docs = new ApiDocsRoutes();
        AcceptedTypes accepted = new AcceptedTypes(CSV_ROUTES);
        return Javalin.create(config -> {
            configureServer(config, settings, mapper, new HttpMetrics(observability.registry()));
            ErrorMapping.install(config);
            config.routes.before(ctx -> {
                CorrelationIds.assign(ctx);
                RequestLogContext.begin(ctx);
                BodyCharset.requireKnown(ctx); // Javalin would drop the query parameters it cannot decode
                if (!ctx.path().equals(ImportRoutes.IMPORTS)) { // uploads stream to disk, bounded on their own
                    rejectDeclaredOversize(ctx, settings.maxRequestBytes());
                }
            });
            config.routes.beforeMatched(RequestLogContext::route);
            config.routes.beforeMatched(accepted::require);
            new HealthRoutes(health, liveness).register(config.routes);
            observability.metricsToken().ifPresent(token -> new MetricsRoute(Optional.of(token), observability.scrape())
                    .register(config.routes));
            docs.register(config.routes);
            ZoneId zone = settings.businessZone();
            new MeterRoutes(useCases, guard, body, zone).register(config.routes);
            new CounterRoutes(useCases, guard).register(config.routes);
            new ReadingRoutes(useCases.recordReadings(), useCases.listReadings(), guard, body, zone).register(config.routes);
            new ReadingEditRoutes(useCases.updateReading(), useCases.deleteReading(), guard, body, zone).register(config.routes);
            new BatchRoutes(useCases.batchWrite(), useCases.prune(), guard, body, zone).register(config.routes);
            new SubmissionRoutes(useCases.submissions(), useCases.readingWithMeter(), guard, body, zone).register(config.routes);
            new AllowedRangeRoutes(useCases.allowedReadings(), guard, zone).register(config.routes);
            new ChangesetRoutes(useCases.changesets(), guard, body, zone).register(config.routes);
            new AdminMeterRoutes(useCases, guard, body, zone).register(config.routes);
            new AdminCounterRoutes(useCases, guard, body).register(config.routes);
            new ConsumptionRoutes(useCases.consumption(), guard, zone).register(config.routes);
            new QueueRoutes(useCases.queues(), guard, zone).register(config.routes);
            addOns.imports().ifPresent(imports -> {
                new ImportRoutes(imports.jobs(), guard).register(config.routes);
                new IntervalValueRoutes(imports.intervalValues(), guard, zone).register(config.routes);
            });
            addOns.events().ifPresent(events -> {
                EventFeedRoutes feed = new EventFeedRoutes(events, guard);
                feed.register(config.routes);
                config.events.serverStopped(feed::close);
            });
            addOns.webhooks().ifPresent(w -> new WebhookRoutes(w.useCase(), guard, body, w.clock()).register(config.routes));
            addOns.extensions().accept(config);
        });
    }

    private static void configureServer(JavalinConfig config, HttpSettings settings, ObjectMapper mapper, HttpMetrics metrics) {
        config.startup.showJavalinBanner = false;
        GracefulStop.install(config);
        BodyEncoding.install(config); // after GracefulStop, which sets the server's first handler
        config.http.maxRequestSize = settings.maxRequestBytes();
        config.http.prefer405over404 = true;
        config.http.defaultContentType = "application/json";
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.requestLogger.http((ctx, ms) -> {
            RequestLogContext.route(ctx);
            LOG.info("{} {} {} {}ms [{}]", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms), CorrelationIds.of(ctx));
            metrics.record(ctx, ms);
            RequestLogContext.end();
        });
    }

    /** Bodies announced as too large are refused before anyone reads them. */
    private static void rejectDeclaredOversize(Context ctx, long limit) {
        String declared = ctx.header(Header.CONTENT_LENGTH);
        if (declared == null) {
            return;
        }
        try {
            if (Long.parseLong(declared.trim()) > limit) {
                throw HttpFailure.payloadTooLarge(limit);
            }
        } catch (NumberFormatException e) {
            // Jetty answers malformed Content-Length itself; nothing to add here
        }
    }
}
