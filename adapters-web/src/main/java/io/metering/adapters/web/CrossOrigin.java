package io.metering.adapters.web;

import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * Cross-origin use of the API from pages served elsewhere (METERING_CORS_ORIGINS): preflight and
 * actual requests from the listed origins get the CORS headers (Javalin's bundled CORS plugin); any
 * other origin gets none, so the browser refuses. Bearer tokens travel in the Authorization header,
 * never in cookies, so credentials stay off.
 */
final class CrossOrigin {
    private CrossOrigin() {}

    static void install(JavalinConfig config, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
            rule.exposeHeader("X-Correlation-Id");
            rule.maxAge = 600;
        }));
    }
}
