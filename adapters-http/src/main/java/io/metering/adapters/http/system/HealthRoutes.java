package io.metering.adapters.http.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.HealthCheck;
import io.metering.adapters.http.LivenessCheck;
import io.metering.adapters.http.error.ErrorReasons;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes for orchestrators, without authentication: {@code GET /health} (liveness: 200
 * {@code {"status":"ok"}} while the process runs and can heal itself, or 503
 * {@code {status, message, reason: not_live}} when it needs a restart; never touches the database)
 * and {@code GET /ready} (readiness: 200 {@code {"status":"ready"}}, or 503
 * {@code {status, message, reason: not_ready}} while a dependency such as the database is
 * unavailable).
 */
public final class HealthRoutes {
    /** Liveness path. */
    public static final String HEALTH = "/health";
    /** Readiness path. */
    public static final String READY = "/ready";
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final HealthCheck health;
    private final LivenessCheck liveness;

    /** @param health the readiness check; the process counts as always live */
    public HealthRoutes(HealthCheck health) {
        this(health, LivenessCheck.ALWAYS_LIVE);
    }

    /**
     * @param health the readiness check
     * @param liveness the liveness check
     */
    public HealthRoutes(HealthCheck health, LivenessCheck liveness) {
        this.health = Objects.requireNonNull(health, "health");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
    }

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(HEALTH, this::health);
        routes.get(READY, this::ready);
    }

    private void health(Context ctx) {
        Optional<String> failure;
        try {
            failure = liveness.failure();
        } catch (RuntimeException e) {
            // a broken check must not get a healthy process restarted
            LOG.warn("liveness check failed", e);
            failure = Optional.empty();
        }
        if (failure.isEmpty()) {
            ctx.json(Map.of("status", "ok"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "unavailable");
        body.put("message", "the service needs a restart: " + failure.get());
        body.put("reason", ErrorReasons.NOT_LIVE);
        ctx.status(503).json(body);
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
