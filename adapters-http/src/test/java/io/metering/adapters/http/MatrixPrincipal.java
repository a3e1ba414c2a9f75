package io.metering.adapters.http;

import io.metering.testing.BearerTokens;

import io.metering.adapters.http.auth.TestTokens;
import io.metering.adapters.http.web.Guard;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The callers of {@link AccessMatrixTest}: the issue's ten (no token, garbage, expired, wrong
 * signature, wrong issuer, alg none, admin of org A, admin of org B, the portal user owning the
 * meter, a portal user of another customer in the same org) and the variants that exercise the
 * rest of the rules (audience, nbf, algorithm confusion, kind against issuer, RS256 via the JWK
 * set, permissions, {@code x-ivy-org-id}).
 */
enum MatrixPrincipal {
    NO_TOKEN(Role.UNAUTHENTICATED),
    GARBAGE(Role.UNAUTHENTICATED),
    EXPIRED(Role.UNAUTHENTICATED),
    WRONG_SIGNATURE(Role.UNAUTHENTICATED),
    WRONG_ISSUER(Role.UNAUTHENTICATED),
    WRONG_AUDIENCE(Role.UNAUTHENTICATED),
    NOT_YET_VALID(Role.UNAUTHENTICATED),
    ALG_NONE(Role.UNAUTHENTICATED),
    ALG_CONFUSION(Role.UNAUTHENTICATED),
    KIND_AGAINST_ISSUER(Role.UNAUTHENTICATED),
    ADMIN_A(Role.ADMIN),
    ADMIN_A_RS256(Role.ADMIN),
    ADMIN_A_NAMING_OWN_ORG(Role.ADMIN),
    ADMIN_A_WITHOUT_PERMISSION(Role.ADMIN_WITHOUT_PERMISSION),
    ADMIN_B(Role.OTHER_ADMIN),
    ADMIN_B_NAMING_ORG_A(Role.FORBIDDEN),
    ADMIN_B_ACTING_FOR_ORG_A(Role.ADMIN),
    PORTAL_OWNER(Role.OWNER),
    PORTAL_OWNER_NAMING_ORG_B(Role.FORBIDDEN),
    PORTAL_OTHER_CUSTOMER(Role.OTHER_CUSTOMER);

    /** What a principal may do, which decides the expected status of a cell. */
    enum Role {
        /** No trustworthy token: 401 on every protected route. */
        UNAUTHENTICATED,
        /** Acts as admin of org A. */
        ADMIN,
        /** Admin of org A whose token lists permissions without {@code meter_reading:edit}. */
        ADMIN_WITHOUT_PERMISSION,
        /** Admin of org B. */
        OTHER_ADMIN,
        /** The portal user owning org A's meters. */
        OWNER,
        /** A portal user of another customer of org A. */
        OTHER_CUSTOMER,
        /** A valid token naming an organization it may not act for: 403 on every protected route. */
        FORBIDDEN
    }

    final Role role;

    MatrixPrincipal(Role role) {
        this.role = role;
    }

    /** The request headers this principal sends in the fixture's cell. */
    Map<String, String> headers(MatrixTokens tokens, MatrixFixture f) {
        Map<String, String> h = new LinkedHashMap<>();
        String token = token(tokens, f);
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        switch (this) {
            case ADMIN_A_NAMING_OWN_ORG, ADMIN_B_NAMING_ORG_A, ADMIN_B_ACTING_FOR_ORG_A -> h.put(Guard.ORG_HEADER, f.orgA);
            case PORTAL_OWNER_NAMING_ORG_B -> h.put(Guard.ORG_HEADER, f.orgB);
            default -> { }
        }
        return h;
    }

    private String token(MatrixTokens tokens, MatrixFixture f) {
        return switch (this) {
            case NO_TOKEN -> null;
            case GARBAGE -> "garbage";
            case EXPIRED -> tokens.hs256(tokens.adminClaims(f.orgA)
                    .expirationTime(Date.from(issued(tokens, f).minus(Duration.ofMinutes(10)))).build());
            case WRONG_SIGNATURE -> tokens.hs256WithOtherSecret(tokens.adminClaims(f.orgA).build());
            case WRONG_ISSUER -> tokens.hs256(tokens.adminClaims(f.orgA).issuer("https://evil.test").build());
            case WRONG_AUDIENCE -> tokens.hs256(tokens.adminClaims(f.orgA).audience("another-service").build());
            case NOT_YET_VALID -> tokens.hs256(tokens.adminClaims(f.orgA)
                    .notBeforeTime(Date.from(issued(tokens, f).plus(Duration.ofMinutes(10)))).build());
            case ALG_NONE -> TestTokens.unsigned("none", tokens.adminClaims(f.orgA).build());
            case ALG_CONFUSION -> tokens.confusion(tokens.adminClaims(f.orgA).build());
            case KIND_AGAINST_ISSUER -> tokens.hs256(tokens.adminClaims(f.orgA).issuer(MatrixTokens.PORTAL_ISSUER)
                    .audience(MatrixTokens.PORTAL_AUDIENCE).build());
            case ADMIN_A, ADMIN_A_NAMING_OWN_ORG -> tokens.admin(f.orgA);
            case ADMIN_A_RS256 -> tokens.adminRs256(f.orgA);
            case ADMIN_A_WITHOUT_PERMISSION -> tokens.admin(f.orgA, "limited", BearerTokens.limitedTo(List.of("meter_reading:view")));
            case ADMIN_B, ADMIN_B_NAMING_ORG_A -> tokens.admin(f.orgB);
            case ADMIN_B_ACTING_FOR_ORG_A -> tokens.admin(f.orgB, "support", BearerTokens.actingFor(List.of(f.orgA)));
            case PORTAL_OWNER, PORTAL_OWNER_NAMING_ORG_B -> tokens.portal(f.orgA, f.owner);
            case PORTAL_OTHER_CUSTOMER -> tokens.portal(f.orgA, f.otherCustomer);
        };
    }

    private static Instant issued(MatrixTokens tokens, MatrixFixture f) {
        return tokens.adminClaims(f.orgA).build().getIssueTime().toInstant();
    }
}
