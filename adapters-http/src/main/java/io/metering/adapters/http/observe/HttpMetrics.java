package io.metering.adapters.http.observe;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP request as {@code http_server_requests_seconds} (Prometheus), labelled by method,
 * route template ({@link RouteTemplates}) and status, with histogram buckets from 5 ms to 10 s: the
 * API answers most requests in milliseconds, bulk writes in tens to hundreds, and the connection
 * timeout bounds a database outage at seconds.
 */
public final class HttpMetrics {
    /** The meter's name (Micrometer's convention, as Spring and others name it). */
    public static final String REQUESTS = "http.server.requests";
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    /** @param registry where the timers live */
    public HttpMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Records one answered request.
     *
     * @param ctx the request, after its answer
     * @param millis how long it took
     */
    public void record(Context ctx, float millis) {
        Timer.builder(REQUESTS)
                .description("HTTP requests by method, route template and status")
                .tag("method", ctx.method().name())
                .tag("route", RouteTemplates.of(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Math.round(millis * 1000.0), TimeUnit.MICROSECONDS);
    }
}
