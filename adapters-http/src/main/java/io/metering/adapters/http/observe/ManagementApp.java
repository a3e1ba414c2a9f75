package io.metering.adapters.http.observe;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.metering.adapters.http.error.ErrorMapping;
import io.metering.adapters.http.json.JsonMapping;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The management port's app ({@code METERING_MANAGEMENT_PORT}, docs/operations.md): only
 * {@code GET /metrics}, and every other answer JSON {@code {message, reason}} like the API's (an
 * unknown path or a scrape without the metrics token: 404 {@code not_found}), never Javalin's
 * plain-text pages.
 */
public final class ManagementApp {
    private ManagementApp() {}

    /**
     * @param metricsToken the token a scrape must bear; empty: none is asked for
     * @param scrape renders every metric in the Prometheus text format
     * @return the app, not yet started
     */
    public static Javalin create(Optional<String> metricsToken, Supplier<String> scrape) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson(JsonMapping.create(), false));
            ErrorMapping.install(config);
            new MetricsRoute(metricsToken, scrape).register(config.routes);
        });
    }
}
