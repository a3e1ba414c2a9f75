package io.metering.adapters.http.observe;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * The route template a request matched ({@code /v1/metering/meter/{id}}), the label of its metrics
 * and log lines. Paths no route matched share one label, so that made-up paths cannot grow the
 * number of time series.
 */
final class RouteTemplates {
    /** The label of requests that matched no route. */
    public static final String UNMATCHED = "unmatched";

    private RouteTemplates() {}

    /** @return the matched template, or {@link #UNMATCHED} */
    public static String of(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }
}
