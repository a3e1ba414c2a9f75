package io.metering.adapters.web;

import io.javalin.config.JavalinConfig;
import java.util.Map;

/**
 * Serves the back-office console for the meter-data team (admin tokens) at {@code /console/}, on the
 * portal's foundation: the console's own page, modules and messages live in {@link #PAGES}, and it
 * imports the portal's shared {@code lib/} modules (exact decimals, API client, session, messages,
 * DOM helpers) and vendored libraries from {@code /portal/} instead of carrying copies.
 * <ul>
 *   <li>{@code GET /console}: redirect to {@code /console/}; {@code GET /console/}: the page;</li>
 *   <li>{@code /console/*}: its files, revalidated on every load;</li>
 *   <li>{@code GET /console/config.json}: the console's OpenID provider (METERING_CONSOLE_OIDC_*) or null.</li>
 * </ul>
 * Every response carries {@link SecurityHeaders} for the console's provider.
 */
final class WebConsole {
    /** Where the console lives. */
    public static final String PATH = "/console/";
    static final String PAGES = "/io/metering/adapters/web/console";

    private WebConsole() {}

    /** Adds the console's routes and files; called by {@link WebPortal#install}. */
    static void install(JavalinConfig config, WebSettings settings) {
        Map<String, String> security = SecurityHeaders.of(settings.consoleSignIn());
        Map<String, String> revalidated = WebPortal.with(security, "Cache-Control", WebPortal.REVALIDATE);
        WebPortal.serve(config, "/console", PAGES, revalidated);
        WebPortal.page(config, PATH, PAGES, revalidated);
        config.routes.get("/console/config.json", ctx -> WebPortal.signInConfig(ctx, settings.consoleSignIn(), security));
    }
}
