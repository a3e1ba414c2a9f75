package io.metering.adapters.http.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;

/**
 * Sends a JSON answer as UTF-8 bytes written straight by the application's Jackson mapper: the
 * same bytes {@link Context#json} sends, without its detour through a {@code String} (Jackson
 * writes characters, the String compacts them, Jetty encodes them again). For answers of many
 * readings, where that detour was a visible share of the request's CPU (docs/benchmarks.md
 * "Steady state and JIT"); with another JSON mapper configured it falls back to {@link Context#json}.
 */
public final class JsonAnswer {
    private JsonAnswer() {}

    /** Answers {@code value} as JSON with the application's mapper. */
    public static void send(Context ctx, Object value) {
        if (!(ctx.jsonMapper() instanceof JavalinJackson jackson)) {
            ctx.json(value);
            return;
        }
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(jackson.getMapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }
}
