package io.metering.adapters.http.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.metering.application.access.CallerKind;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;

/**
 * Decides from verified claims whether a token is an admin or a portal token, and checks the
 * issuer and audience that kind requires ({@link IssuerRule}).
 *
 * <p>The kind comes from the {@code kind} claim, or, when admin and portal tokens have distinct
 * configured issuers, from {@code iss}; a {@code kind} claim that contradicts the issuer is refused,
 * so an issuer of portal tokens can never mint admin tokens. Every refusal is an
 * {@link AuthenticationException} (401): the token was not issued for this service as what it claims.
 */
final class KindResolver {
    private final IssuerRule admin;
    private final IssuerRule portal;

    KindResolver(IssuerRule admin, IssuerRule portal) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.portal = Objects.requireNonNull(portal, "portal");
    }

    /**
     * @param claims claims of a token whose signature, expiry and not-before time are verified
     * @return the token's kind, its issuer and audience checked
     * @throws AuthenticationException if the kind is unknown, missing or contradicts the issuer, or
     *     the issuer or audience is not the kind's
     */
    CallerKind resolve(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        CallerKind byIssuer = issuerDecides() ? byIssuer(issuer) : null;
        CallerKind byClaim = kindClaim(claims);
        if (byIssuer != null && byClaim != null && byIssuer != byClaim) {
            throw new AuthenticationException("bearer token kind contradicts its issuer");
        }
        CallerKind kind = byClaim != null ? byClaim : byIssuer;
        if (kind == null) {
            throw new AuthenticationException(issuerDecides() ? "bearer token issuer is not accepted"
                    : "bearer token lacks a required claim (kind)");
        }
        IssuerRule rule = kind == CallerKind.ADMIN ? admin : portal;
        if (rule.issuer() != null && !rule.issuer().equals(issuer)) {
            throw new AuthenticationException("bearer token issuer is not accepted");
        }
        List<String> audience = claims.getAudience();
        if (rule.audience() != null && (audience == null || !audience.contains(rule.audience()))) {
            throw new AuthenticationException("bearer token audience is not accepted");
        }
        return kind;
    }

    /** Whether the issuer alone tells the kinds apart. */
    private boolean issuerDecides() {
        return admin.issuer() != null && portal.issuer() != null && !admin.issuer().equals(portal.issuer());
    }

    private CallerKind byIssuer(String issuer) {
        if (admin.issuer().equals(issuer)) {
            return CallerKind.ADMIN;
        }
        return portal.issuer().equals(issuer) ? CallerKind.PORTAL : null;
    }

    private static CallerKind kindClaim(JWTClaimsSet claims) {
        String kind;
        try {
            kind = claims.getStringClaim(ClaimNames.KIND);
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token kind must be 'admin' or 'portal'");
        }
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case ClaimNames.KIND_ADMIN -> CallerKind.ADMIN;
            case ClaimNames.KIND_PORTAL -> CallerKind.PORTAL;
            default -> throw new AuthenticationException("bearer token kind must be 'admin' or 'portal'");
        };
    }
}
