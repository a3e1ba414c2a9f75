package io.metering.adapters.http.observe;

import io.javalin.http.Context;
import io.metering.adapters.http.web.CorrelationIds;
import io.metering.application.access.Caller;
import io.metering.application.access.CallerKind;
import java.util.Locale;
import org.slf4j.MDC;

/**
 * What every log line of a request carries (the logging context, MDC): the correlation id, the W3C
 * trace id when the request continues a trace, the route template, and once the token is verified
 * the organization and the caller kind. Never a token, a header or a body: the keys below are all
 * there is.
 */
public final class RequestLogContext {
    /** The request's correlation id ({@link CorrelationIds}). */
    public static final String CORRELATION_ID = "correlation_id";
    /** The W3C trace id of the trace the request continues ({@link TraceIds}). */
    public static final String TRACE_ID = "trace_id";
    /** The id of the span the request runs in, when an OpenTelemetry agent traces it. */
    public static final String SPAN_ID = "span_id";
    /** The matched route template, e.g. {@code /v1/metering/meter/{id}}; never the raw path. */
    public static final String ROUTE = "route";
    /** The organization the caller acts in. */
    public static final String ORG = "org";
    /** {@code admin} or {@code portal}. */
    public static final String CALLER_KIND = "caller_kind";

    private RequestLogContext() {}

    /** Starts a request's context, dropping whatever an earlier request left on this thread. */
    public static void begin(Context ctx) {
        MDC.clear();
        MDC.put(CORRELATION_ID, CorrelationIds.of(ctx));
        TraceIds.of(ctx).ifPresent(ids -> {
            MDC.put(TRACE_ID, ids.traceId());
            ids.spanId().ifPresent(span -> MDC.put(SPAN_ID, span));
        });
    }

    /** Adds the matched route template, once routing has chosen one; names the trace's server span after it. */
    public static void route(Context ctx) {
        String route = RouteTemplates.of(ctx);
        MDC.put(ROUTE, route);
        TraceIds.nameServerSpan(ctx.method().name(), route);
    }

    /** Adds the verified caller: organization and kind, never the subject or the token. */
    public static void caller(Caller caller) {
        MDC.put(ORG, caller.org().value());
        MDC.put(CALLER_KIND, kind(caller.kind()));
    }

    /** Ends the request's context; later log lines of this thread belong to no request. */
    public static void end() {
        MDC.clear();
    }

    private static String kind(CallerKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
