package io.metering.adapters.http.observe;

import io.javalin.http.Context;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Optional;

/**
 * The W3C trace context of a request (https://www.w3.org/TR/trace-context/). When the OpenTelemetry
 * Java agent runs (docs/operations.md), it has already continued the incoming {@code traceparent}
 * in a server span: that span's ids are used. Without the agent the {@code traceparent} header is
 * read with OpenTelemetry's W3C propagator, so the ERP's trace id still reaches every log line of
 * the request. A malformed header is ignored, as the standard asks.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId the server span's id when one is recorded here, else empty
 */
record TraceIds(String traceId, Optional<String> spanId) {
    private static final TextMapGetter<Context> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(Context ctx, String key) {
            return ctx == null ? null : ctx.header(key);
        }
    };

    /**
     * Names the server span the OpenTelemetry agent records for the request after its route
     * template ({@code GET /v1/metering/meter/{id}}), which the agent cannot see in Javalin's
     * routing; without the agent there is no span and nothing happens.
     */
    public static void nameServerSpan(String method, String route) {
        Span span = Span.current();
        if (span.isRecording()) {
            span.updateName(method + " " + route);
            span.setAttribute("http.route", route);
        }
    }

    /** @return the request's trace ids, empty when it carries no valid trace context */
    public static Optional<TraceIds> of(Context ctx) {
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid()) {
            return Optional.of(new TraceIds(current.getTraceId(), Optional.of(current.getSpanId())));
        }
        SpanContext remote = Span.fromContext(W3CTraceContextPropagator.getInstance()
                .extract(io.opentelemetry.context.Context.root(), ctx, HEADERS)).getSpanContext();
        return remote.isValid() ? Optional.of(new TraceIds(remote.getTraceId(), Optional.empty())) : Optional.empty();
    }
}
