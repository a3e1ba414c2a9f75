package io.metering.adapters.http.observe;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the Prometheus text exposition. Served only when a metrics token is
 * configured, and then only to requests that bear exactly that token ({@code Authorization: Bearer
 * <token>}); every other request, API tokens included, gets the same 404 as a path that does not
 * exist, so the endpoint neither leaks figures nor shows that it is there. Without a token (a
 * management port the operator keeps private) it answers everyone.
 */
public final class MetricsRoute {
    /** The path. */
    public static final String PATH = "/metrics";
    /** Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;
    private final Supplier<String> scrape;

    /**
     * @param token the token a scrape must bear; empty: no token is asked for
     * @param scrape renders every metric in the Prometheus text format
     */
    public MetricsRoute(Optional<String> token, Supplier<String> scrape) {
        this.token = Objects.requireNonNull(token, "token").map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.scrape = Objects.requireNonNull(scrape, "scrape");
    }

    /** Registers the route. */
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::answer);
    }

    private void answer(Context ctx) {
        if (token.isPresent() && !bears(ctx.header(Header.AUTHORIZATION), token.get())) {
            throw new NotFoundResponse();
        }
        ctx.contentType(CONTENT_TYPE).result(scrape.get());
    }

    /** Compares in constant time, so that the answer's timing tells nothing about the token. */
    private static boolean bears(String authorization, byte[] expected) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        byte[] sent = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, expected);
    }
}
