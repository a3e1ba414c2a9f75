package io.metering.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin use of the API from pages served elsewhere (METERING_CORS_ORIGINS): preflight and
 * actual requests from the listed origins get the CORS headers; any other origin gets none, so the
 * browser keeps the answer from its page. Bearer tokens travel in the Authorization header, never
 * in cookies, so credentials stay off.
 *
 * <p>Not Javalin's bundled CORS plugin: it answers 400 to every request whose Origin is not listed,
 * and browsers send Origin on the portal's own same-origin requests too (module scripts, POST),
 * which would break the portal the moment another origin is allowed.
 */
final class CrossOrigin {
    static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String HEADERS = "Authorization, Content-Type, Accept, X-Correlation-Id, x-ivy-org-id";

    private CrossOrigin() {}

    static void install(JavalinConfig config, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        Set<String> allowed = Set.copyOf(origins);
        config.routes.before(ctx -> answer(ctx, allowed));
    }

    private static void answer(Context ctx, Set<String> allowed) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        ctx.header("Vary", "Origin"); // the answer differs by origin: caches must keep them apart
        if (!allowed.contains(origin)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Expose-Headers", "X-Correlation-Id");
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", METHODS);
            ctx.header("Access-Control-Allow-Headers", HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204).skipRemainingHandlers();
        }
    }
}
