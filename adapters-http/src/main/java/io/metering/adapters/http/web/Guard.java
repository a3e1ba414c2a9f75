package io.metering.adapters.http.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.metering.adapters.http.auth.AuthenticationException;
import io.metering.adapters.http.auth.Authenticator;
import io.metering.adapters.http.auth.VerifiedToken;
import io.metering.adapters.http.observe.RequestLogContext;
import io.metering.application.access.Caller;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.tenant.OrganizationId;
import java.util.Locale;
import java.util.Objects;

/**
 * Authenticates the bearer token of a request and admits the caller before the route runs, so
 * that 401 and 403 come before any look at the body or the parameters:
 * <ol>
 *   <li>no or an untrustworthy token: 401 ({@link AuthenticationException});</li>
 *   <li>{@code x-ivy-org-id} (the contract's AsOrganization): naming the token's own organization
 *       changes nothing; naming another one is honoured only for an admin token whose
 *       {@code act_for_orgs} allows it, then the caller acts in that organization; otherwise 403;</li>
 *   <li>a token of a kind the operation does not accept: 403;</li>
 *   <li>an admin token that lists its permissions without the one the operation needs: 403.</li>
 * </ol>
 * Then, still before the operation, a query string it could not read faithfully answers 400
 * ({@link QueryText}).
 */
public final class Guard {
    /** The contract's AsOrganization header. */
    public static final String ORG_HEADER = "x-ivy-org-id";
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
     *     wrong kind or for another organization it may not act for
     */
    public Handler require(Access access, CallerHandler handler) {
        return require(access, null, handler);
    }

    /**
     * @param access the token kinds the operation accepts
     * @param permission the permission the contract names for the operation (e.g.
     *     {@link VerifiedToken#METER_READING_EDIT}), or null; only admin tokens that list their
     *     permissions are held to it
     * @param handler the operation
     * @return a handler that also answers 403 for a token lacking the permission
     */
    public Handler require(Access access, String permission, CallerHandler handler) {
        return ctx -> {
            VerifiedToken token = authenticate(ctx);
            Caller caller = actingCaller(ctx, token);
            RequestLogContext.caller(caller);
            if (access == Access.ADMIN && !caller.isAdmin()) {
                throw new ForbiddenException("this operation needs an admin token; portal tokens may not use it");
            }
            if (permission != null && !token.grants(permission)) {
                throw new ForbiddenException("this operation needs the " + permission + " permission, which the token does not grant");
            }
            QueryText.check(ctx);
            handler.handle(ctx, caller);
        };
    }

    private VerifiedToken authenticate(Context ctx) {
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new AuthenticationException("bearer token is missing");
        }
        if (header.length() <= BEARER.length() || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw new AuthenticationException("the Authorization header must use the Bearer scheme");
        }
        return authenticator.verify(header.substring(BEARER.length()).trim());
    }

    /** The caller in the organization the request acts in ({@code x-ivy-org-id}, when allowed). */
    private static Caller actingCaller(Context ctx, VerifiedToken token) {
        Caller caller = token.caller();
        String named = ctx.header(ORG_HEADER);
        if (named == null || named.isBlank() || named.trim().equals(caller.org().value())) {
            return caller;
        }
        OrganizationId org;
        try {
            org = new OrganizationId(named.trim());
        } catch (InvalidRequestException e) {
            // an id no token could act for: refused like any other organization the token may not enter
            throw notAllowed();
        }
        if (!token.mayActFor(org)) {
            throw notAllowed();
        }
        return new Caller(org, caller.kind(), caller.subject(), caller.contactId(), caller.contractIds());
    }

    private static ForbiddenException notAllowed() {
        return new ForbiddenException(ORG_HEADER + " names an organization this token may not act for");
    }
}
