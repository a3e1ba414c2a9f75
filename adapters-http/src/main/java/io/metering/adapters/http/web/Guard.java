package io.metering.adapters.http.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.metering.adapters.http.auth.AuthenticationException;
import io.metering.adapters.http.auth.Authenticator;
import io.metering.application.access.Caller;
import io.metering.domain.error.ForbiddenException;
import java.util.Locale;
import java.util.Objects;

/**
 * Authenticates the bearer token of a request and admits the caller by token kind before the
 * route runs, so that 401 and 403 come before any look at the body or the parameters.
 */
public final class Guard {
    private static final String BEARER = "bearer ";

    private final Authenticator authenticator;

    /** @param authenticator verifies tokens */
    public Guard(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /**
     * @param access the token kinds the operation accepts
     * @param handler the operation
     * @return a handler that answers 401 without a trustworthy token and 403 for a token of the
     *     wrong kind
     */
    public Handler require(Access access, CallerHandler handler) {
        return ctx -> {
            Caller caller = authenticate(ctx);
            if (access == Access.ADMIN && !caller.isAdmin()) {
                throw new ForbiddenException("this operation needs an admin token; portal tokens may not use it");
            }
            handler.handle(ctx, caller);
        };
    }

    private Caller authenticate(Context ctx) {
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new AuthenticationException("bearer token is missing");
        }
        if (header.length() <= BEARER.length() || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw new AuthenticationException("the Authorization header must use the Bearer scheme");
        }
        return authenticator.authenticate(header.substring(BEARER.length()).trim());
    }
}
