package io.metering.adapters.http.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.HealthCheck;
import io.metering.adapters.http.error.ErrorReasons;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes for orchestrators, without authentication: {@code GET /health} (liveness: the process
 * answers, {@code {"status":"ok"}}) and {@code GET /ready} (readiness: 200
 * {@code {"status":"ready"}}, or 503 {@code {status, message, reason: not_ready}} while a dependency
 * such as the database is unavailable).
 */
public final class HealthRoutes {
    /** Liveness path. */
    public static final String HEALTH = "/health";
    /** Readiness path. */
    public static final String READY = "/ready";
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final HealthCheck health;

    /** @param health the readiness check */
    public HealthRoutes(HealthCheck health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(HEALTH, ctx -> ctx.json(Map.of("status", "ok")));
        routes.get(READY, this::ready);
    }

    private void ready(Context ctx) {
        boolean ready;
        try {
            ready = health.ready();
        } catch (RuntimeException e) {
            LOG.warn("readiness check failed", e);
            ready = false;
        }
        if (ready) {
            ctx.json(Map.of("status", "ready"));
            return;
        }
        // a probe answer, not a failed request: the body still has message and reason like every error
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "unavailable");
        body.put("message", "the service is not ready: a dependency (e.g. the database) is unavailable");
        body.put("reason", ErrorReasons.NOT_READY);
        ctx.status(503).json(body);
    }
}
