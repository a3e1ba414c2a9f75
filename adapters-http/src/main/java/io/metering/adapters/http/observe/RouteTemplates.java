package io.metering.adapters.http.observe;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/**
 * The route template a request matched ({@code /v1/metering/meter/{id}}), the label of its metrics
 * and log lines. Files served by a static mount (the portal's pages, scripts and styles) share
 * {@link #STATIC}, and paths nothing answered share {@link #UNMATCHED}, so that neither file names
 * nor made-up paths can grow the number of time series.
 */
final class RouteTemplates {
    /** The label of requests that matched no route. */
    public static final String UNMATCHED = "unmatched";
    /** The label of files a static mount served (no route matched, a GET or HEAD answered below 400). */
    public static final String STATIC = "static";

    private RouteTemplates() {}

    /** @return the matched template, else {@link #STATIC} or {@link #UNMATCHED} */
    public static String of(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        // without a route only the static file handler answers a GET with a file (200) or 304
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        return read && ctx.statusCode() < 400 ? STATIC : UNMATCHED;
    }
}
