package io.metering.adapters.http.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One id per request, in the {@code X-Correlation-Id} response header and in the log lines of that
 * request, so that a 500 answer can be found in the logs. A well-formed id sent by the client is
 * kept, so that calls can be traced across services.
 */
public final class CorrelationIds {
    /** Request and response header. */
    public static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = "metering.correlation-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationIds() {}

    /** Assigns the request's id; run first for every request. */
    public static void assign(Context ctx) {
        String sent = ctx.header(HEADER);
        String id = sent != null && SAFE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id, assigned on first use if the request skipped {@link #assign}. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTRIBUTE);
        }
        return id;
    }
}
